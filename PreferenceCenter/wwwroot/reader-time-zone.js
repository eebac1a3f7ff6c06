// The reader's time zone (an IANA name such as "Europe/Rome"), so times on screen read as the reader's own clock
// does: kept in a cookie for server-rendered pages, and asked for by the live circuit (pcReaderTimeZone) on the
// first page, before any cookie could have been sent. Without it (scripts off) times show in UTC and say so.
window.pcReaderTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
document.cookie = "pc_tz=" + encodeURIComponent(window.pcReaderTimeZone()) + "; path=/; max-age=31536000; samesite=lax";
