// Tells the server the reader's time zone (an IANA name such as "Europe/Rome"), so times on screen read as the
// reader's own clock does. Without it (first visit, scripts off) times are shown in UTC and say so.
document.cookie = "pc_tz=" + encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone) +
    "; path=/; max-age=31536000; samesite=lax";
