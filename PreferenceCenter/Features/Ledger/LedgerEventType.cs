namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// What happened. Numbers are stored and hashed, so they never change; each feature owns a block of 100.
/// </summary>
public enum LedgerEventType
{
    // 100–199: consents
    ConsentGranted = 100,
    ConsentWithdrawn = 101,

    // 102–149: the consent lifecycle (double opt-in, expiry, renewal, validity per purpose)
    ConsentPendingConfirmation = 102,
    ConsentConfirmed = 103,
    ConsentExpired = 104,
    ConsentRenewed = 105,
    RenewalReminderSent = 106,
    PurposeValidityChanged = 107,

    /// <summary>A double opt-in request was not confirmed while its link worked, so the consent stays off.</summary>
    ConsentConfirmationLapsed = 108,

    /// <summary>The customer's browser sent Global Privacy Control; the partner purposes were switched off (Detail: how many).</summary>
    GlobalPrivacyControlHonoured = 109,

    /// <summary>The customer turned a partner purpose on again after the signal was honoured: their choice, over the signal.</summary>
    GlobalPrivacyControlOverridden = 110,

    // 150–159: "withdraw everything" and its undo
    /// <summary>The customer undid "withdraw everything" (After: how many consents came back; Before: how many were left, changed meanwhile).</summary>
    WithdrawAllUndone = 150,

    /// <summary>"Withdraw everything", written after its withdrawals: Detail is what was on before (<c>WithdrawAllSnapshot</c>), for the undo.</summary>
    AllConsentsWithdrawn = 151,

    // 160–169: receipts of the customer's changes (Features/Receipts)
    /// <summary>A receipt was queued for one session of changes: Before/After the first and last sequence it lists, Detail how many.</summary>
    ReceiptSent = 160,

    /// <summary>The customer asked for no receipts after their changes.</summary>
    ReceiptsTurnedOff = 161,

    /// <summary>The customer asked for receipts again; changes from here on get one.</summary>
    ReceiptsTurnedOn = 162,

    // 200–299: zero-party preferences. Entries name the question (Detail) and never hold the answer itself.
    PreferenceAnswered = 200,
    PreferenceAnswerForgotten = 201,
    ContactFrequencyChanged = 210,
    ContactPaused = 211,
    ContactPauseLifted = 212,
    FeedbackGiven = 220,
    QuestionCreated = 230,
    QuestionChanged = 231,
    QuestionRetired = 232,
    QuestionsReordered = 233,

    // 300–399: accounts
    CustomerRegistered = 300,
    PreferredLanguageChanged = 301,

    // 320–349: the customer's personal data (name, email, phone). Entries say which fields changed, never a value.
    ProfileChanged = 320,
    SignedUpWithErasedAddress = 321,

    // 400–419: erasure execution, one entry per step (400–499 is erasure; 420–499 the request workflow).
    ErasureSuppressionWritten = 400,
    ErasurePersonalDataDeleted = 401,
    ErasureSignInDeleted = 402,
    ErasureKeyDestroyed = 403,
    CustomerErased = 404,
    ErasureStorageForgotten = 405,

    // 420–499: the erasure request's workflow. Detail names the request id.
    ErasureRequested = 420,
    ErasureVerified = 421,
    ErasureApproved = 422,
    ErasureRejected = 423,
    ErasureCancelled = 424,
    ErasureExecutionStarted = 425,
    ErasureCompleted = 426,

    /// <summary>The officer extended the deadline (Art. 12(3) GDPR): Before and After the due dates, Detail "request:{id}".</summary>
    ErasureDeadlineExtended = 427,

    /// <summary>The customer asked for a new confirmation link after the first lapsed (Detail: "request:{id}").</summary>
    ErasureLinkResent = 430,

    /// <summary>The erasure's last email (what was erased, what was kept) was handed to the mail server, or failed to be: Detail "sent" or "failed".</summary>
    ErasureCompletionEmailed = 431,

    // 500–599: support. Entries name the customer by id and the kind of data (Detail), never the data itself.
    PersonalDataRevealed = 500,
    CustomerLookedUp = 501,

    /// <summary>Staff read the customer's record (consents, contact rules, answers, history); one entry per visit.</summary>
    CustomerRecordViewed = 502,

    // 600–699: the privacy notice
    NoticePublished = 600,

    /// <summary>The officer saved the draft of the next notice (NoticeVersion: the version it edits; Detail: "revision:{n}" and the fields changed).</summary>
    NoticeDraftSaved = 601,

    /// <summary>The officer published although a language's first layer failed the readability meter; Reason: why; Detail: the failing languages.</summary>
    NoticeReadabilityOverridden = 602,

    // 700–799: messaging. Detail holds the structured reason's key, never free text.
    UnsubscribeFeedbackGiven = 700,

    // 800–899: data access. 800–849: the customer's own export.
    PersonalDataExported = 800,

    // 900–999: API clients, managed by the privacy officer. Detail names the client and what changed, never a secret.
    ApiClientCreated = 900,
    ApiClientSecretRotated = 901,
    ApiClientRevoked = 902,

    // 910–929: webhooks. Detail names the endpoint and the client, never the signing secret.
    WebhookEndpointRegistered = 910,
    WebhookEndpointRemoved = 911,

    /// <summary>The receiver answered 410 Gone: it asked us to stop, so the endpoint is disabled.</summary>
    WebhookEndpointDisabled = 912,
    WebhookDeadLettersResent = 913,

    /// <summary>An API client was marked as a partner's (a recipient of sharing purposes), or unmarked.</summary>
    ApiClientPartnerChanged = 914,
    // 1000–1019: bulk import. Imported consents themselves use the consent events with Source = Import and the
    // evidence in Detail; these record the run and the customers it made.
    ImportStarted = 1000,
    ImportFinished = 1001,

    /// <summary>A customer without a sign-in was created for an imported address; Detail names the source.</summary>
    CustomerImported = 1002,

    /// <summary>Someone signed up with the address of an imported customer and took over that record.</summary>
    ImportedRecordClaimed = 1003,

    // 1100–1119: retention and the ledger's anchors.
    /// <summary>The officer changed how long a purpose's data is kept after consent ends (Before/After: days, or "none").</summary>
    PurposeRetentionChanged = 1100,

    /// <summary>
    /// The retention job deleted what was held only for a purpose whose consent ended: Detail how many answers, Before
    /// when the consent ended, After the days kept after it.
    /// </summary>
    RetentionDataDeleted = 1101,
}
