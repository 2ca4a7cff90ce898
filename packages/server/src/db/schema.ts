import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * The database schema (drizzle). Migrations in ../../drizzle are generated from it with `npm run db:generate`;
 * never edit a migration that has been committed.
 *
 * Conventions: UTC `timestamptz` for instants, `date` for business dates (Asia/Shanghai), snake_case names.
 */

/** Configurable defaults (the NOT CONFIRMED rules of domain.md), keyed by name, with who changed them and when. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Personal data at rest (standards S9): `*_enc` columns hold SM4-CTR + HMAC-SM3 ciphertext (see
 * adapters/crypto/field-cipher.ts); `*_bidx` columns hold a keyed HMAC-SM3 blind index for exact look-ups.
 */

/** 自然人 accounts. */
export const citizens = pgTable(
  'citizens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mobileEnc: text('mobile_enc').notNull(),
    mobileBidx: text('mobile_bidx').notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: ['ACTIVE', 'DISABLED'] }).notNull().default('ACTIVE'),
    realNameStatus: text('real_name_status', { enum: ['NONE', 'VERIFIED'] }).notNull().default('NONE'),
    name: text('name'),
    idNumberEnc: text('id_number_enc'),
    idNumberBidx: text('id_number_bidx'),
    sex: text('sex', { enum: ['M', 'F'] }),
    birthDate: date('birth_date'),
    idValidFrom: date('id_valid_from'),
    /** A date, or LONG_TERM for 长期. */
    idValidTo: text('id_valid_to'),
    realNameVerifiedAt: timestamp('real_name_verified_at', { withTimezone: true }),
    agreements: jsonb('agreements').$type<{ code: string; version: string; acceptedAt: string }[]>().notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('citizens_mobile_bidx').on(t.mobileBidx), uniqueIndex('citizens_id_number_bidx').on(t.idNumberBidx)],
);

/** Failed sign-ins per typed account (known or not), so that lockout does not reveal which accounts exist. */
export const loginThrottle = pgTable('login_throttle', {
  accountBidx: text('account_bidx').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time SMS codes, stored hashed. */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    mobileBidx: text('mobile_bidx').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sms_codes_lookup').on(t.mobileBidx, t.purpose, t.createdAt)],
);

/** The embedded SMS gateway: messages that would have been sent, for /dev/sms in development. */
export const smsOutbox = pgTable('sms_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  mobileEnc: text('mobile_enc').notNull(),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Server-side sessions; the cookie holds a random token, the table its SHA-256 hash. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    subjectType: text('subject_type', { enum: ['CITIZEN', 'STAFF'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Staff sessions start PARTIAL (password checked) and become FULL after the TOTP code. */
    stage: text('stage', { enum: ['PARTIAL', 'FULL'] }).notNull().default('FULL'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_hash').on(t.tokenHash), index('sessions_subject').on(t.subjectType, t.subjectId)],
);

/** The resident registry the embedded identity verifier checks (a stand-in for the public-security service). */
export const residents = pgTable('residents', {
  idNumberBidx: text('id_number_bidx').primaryKey(),
  idNumberEnc: text('id_number_enc').notNull(),
  name: text('name').notNull(),
  validFrom: date('valid_from').notNull(),
  validTo: text('valid_to').notNull(),
  status: text('status', { enum: ['NORMAL', 'CANCELLED'] }).notNull().default('NORMAL'),
});

/** Transport authorities (管理部门). */
export const authorities = pgTable('authorities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  divisionCode: text('division_code').notNull(),
  level: text('level', { enum: ['PROVINCE', 'CITY', 'COUNTY'] }).notNull(),
  parentCode: text('parent_code'),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
  serviceHours: text('service_hours').notNull(),
});

/** Staff accounts of the authorities. */
export const staff = pgTable('staff', {
  id: uuid('id').primaryKey().defaultRandom(),
  authorityCode: text('authority_code')
    .notNull()
    .references(() => authorities.code),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: jsonb('roles').$type<string[]>().notNull(),
  status: text('status', { enum: ['ACTIVE', 'DISABLED'] }).notNull().default('ACTIVE'),
  totpSecretEnc: text('totp_secret_enc'),
  totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
  /** The last accepted TOTP time step, so a code cannot be replayed. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Append-only audit log; each row's hash covers its content and the previous row's hash (SM3). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorType: text('actor_type', { enum: ['CITIZEN', 'STAFF', 'SYSTEM', 'ANONYMOUS'] }).notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  objectType: text('object_type'),
  objectId: text('object_id'),
  outcome: text('outcome', { enum: ['SUCCESS', 'FAILURE'] }).notNull(),
  ip: text('ip'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** 从业资格证: the authority's registry of qualification certificates (Yunzheng is the system of record). */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 证号, kept apart from the ID number (domain.md §3: "证号 = ID number" is not confirmed). */
    certNo: text('cert_no').notNull().unique(),
    holderIdEnc: text('holder_id_enc').notNull(),
    holderIdBidx: text('holder_id_bidx').notNull(),
    holderName: text('holder_name').notNull(),
    sex: text('sex', { enum: ['M', 'F'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    /** Stored file key of the holder's photo, once the storage adapter holds one. */
    photoKey: text('photo_key'),
    issuingAuthorityCode: text('issuing_authority_code')
      .notNull()
      .references(() => authorities.code),
    employerName: text('employer_name'),
    employerUscc: text('employer_uscc'),
    archiveNo: text('archive_no'),
    /** Personal information a 信息变更 updates (encrypted: a phone number and a home address are PII). */
    contactMobileEnc: text('contact_mobile_enc'),
    addressEnc: text('address_enc'),
    status: text('status', { enum: ['VALID', 'CANCELLED', 'REVOKED', 'VOID'] }).notNull().default('VALID'),
    boundCitizenId: uuid('bound_citizen_id').references(() => citizens.id),
    boundAt: timestamp('bound_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('certificates_holder').on(t.holderIdBidx), index('certificates_bound').on(t.boundCitizenId)],
);

/** One row per 从业资格类别 on a certificate, each with its own dates and status. */
export const certificateCategories = pgTable(
  'certificate_categories',
  {
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    code: text('code').notNull(),
    firstIssueDate: date('first_issue_date').notNull(),
    issueDate: date('issue_date').notNull(),
    validTo: date('valid_to').notNull(),
    status: text('status', { enum: ['VALID', 'CANCELLED', 'REVOKED', 'VOID'] }).notNull().default('VALID'),
    cancelledReason: text('cancelled_reason'),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.code] })],
);

/**
 * Physical cards printed for a certificate (domain.md §3: the cover's 10-digit print serial). 补发/换发/变更 void the
 * card in hand and issue a new one; the 证号 stays. A certificate imported from before Yunzheng has no card row until
 * its first replacement, which records the old card as voided without a serial.
 */
export const certificateCards = pgTable(
  'certificate_cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    serialNo: text('serial_no').unique(),
    issuedOn: date('issued_on'),
    status: text('status', { enum: ['VALID', 'VOID'] }).notNull(),
    voidReason: text('void_reason'),
    applicationId: uuid('application_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('certificate_cards_certificate').on(t.certificateId)],
);

/** Integrity points (计分) of a driver's category, with the decision they come from. */
export const pointRecords = pgTable(
  'point_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    categoryCode: text('category_code').notNull(),
    occurredOn: date('occurred_on').notNull(),
    indicator: text('indicator').notNull(),
    points: integer('points').notNull(),
    decisionNo: text('decision_no').notNull(),
    source: text('source').notNull(),
    status: text('status', { enum: ['VALID', 'REVOKED'] }).notNull().default('VALID'),
    revokedReason: text('revoked_reason'),
    /** Staff who recorded or revoked it (imported records have neither). */
    createdBy: uuid('created_by'),
    revokedBy: uuid('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('point_records_certificate').on(t.certificateId, t.categoryCode)],
);

/** Past integrity-assessment results (graded cycles). */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    categoryCode: text('category_code').notNull(),
    cycleNo: integer('cycle_no').notNull(),
    cycleStart: date('cycle_start').notNull(),
    cycleEnd: date('cycle_end').notNull(),
    totalPoints: integer('total_points').notNull(),
    grade: text('grade', { enum: ['AAA', 'AA', 'A', 'B'] }).notNull(),
    gradedOn: date('graded_on').notNull(),
    authorityCode: text('authority_code')
      .notNull()
      .references(() => authorities.code),
    /** Set when graded through an application (评级), with the rule table's suggestion and the reason for a change. */
    applicationId: uuid('application_id'),
    suggestedGrade: text('suggested_grade'),
    gradeReason: text('grade_reason'),
    gradedBy: uuid('graded_by'),
    continuingEducationRequired: boolean('continuing_education_required').notNull().default(false),
  },
  (t) => [uniqueIndex('assessment_results_cycle').on(t.certificateId, t.categoryCode, t.cycleNo)],
);

/** Public-query challenges: the answer's hash, single use, short-lived. */
export const captchas = pgTable('captchas', {
  id: uuid('id').primaryKey().defaultRandom(),
  answerHash: text('answer_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/**
 * Idempotency keys (standards R2): the first execution's answer per caller and key, replayed for retries; a key
 * reused with another body is refused; a key still in flight answers 409. Pruned after 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    subject: text('subject').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    state: text('state', { enum: ['IN_FLIGHT', 'DONE'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.key] })],
);

/** 邮寄地址 book of a citizen; mobile and street detail encrypted, region names copied (codes change over years). */
export const mailingAddresses = pgTable(
  'mailing_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    recipientName: text('recipient_name').notNull(),
    mobileEnc: text('mobile_enc').notNull(),
    provinceCode: text('province_code').notNull(),
    cityCode: text('city_code').notNull(),
    districtCode: text('district_code').notNull(),
    regionNames: jsonb('region_names').$type<{ province: string; city: string; district: string }>().notNull(),
    detailEnc: text('detail_enc').notNull(),
    postcode: text('postcode'),
    isDefault: integer('is_default').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mailing_addresses_citizen').on(t.citizenId)],
);

/**
 * 办件: a draft until 确认提交, then an application whose status is folded from `application_actions` (the status
 * column is that fold, kept for queries and written in the same transaction as each action).
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applyNo: text('apply_no').unique(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    service: text('service').notNull(),
    variant: text('variant'),
    status: text('status').notNull().default('DRAFT'),
    noticeVersion: text('notice_version').notNull(),
    noticeAgreedAt: timestamp('notice_agreed_at', { withTimezone: true }).notNull(),
    certificateId: uuid('certificate_id').references(() => certificates.id),
    categoryCodes: jsonb('category_codes').$type<string[]>().notNull().default([]),
    /** Service-specific answers: 补发 reason, 变更 fields or new employer, 注销 reason and scope. */
    serviceFields: jsonb('service_fields').$type<Record<string, unknown>>().notNull().default({}),
    collectionMethod: text('collection_method', { enum: ['PICKUP', 'MAIL'] }),
    mailingAddressId: uuid('mailing_address_id'),
    /** The address as it was at submission (encrypted JSON), so later edits of the address book change nothing. */
    mailingAddressSnapshotEnc: text('mailing_address_snapshot_enc'),
    handlingAuthorityCode: text('handling_authority_code').references(() => authorities.code),
    promisedDays: integer('promised_days'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Set at 受理: the legal (20 working days) and promised deadlines, counted on the working-day calendar. */
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    legalDeadline: date('legal_deadline'),
    promisedDeadline: date('promised_deadline'),
    /** The deadline the authority's queues watch: acceptance (5 working days) before 受理, the promise after. */
    dueDate: date('due_date'),
    /** The applicant's reply deadline for a 补正 request. */
    correctionDeadline: date('correction_deadline'),
    /** Set by the daily job the first time the case is found past its due date. */
    overdueFlaggedAt: timestamp('overdue_flagged_at', { withTimezone: true }),
    /** The case worker who has claimed (认领) the case; only they act on it until they release it. */
    claimedBy: uuid('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Outcomes for the applicant: tracking number and courier, new card serial, grade. */
    result: jsonb('result').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('applications_citizen').on(t.citizenId),
    index('applications_certificate').on(t.certificateId, t.service),
    index('applications_queue').on(t.handlingAuthorityCode, t.status),
  ],
);

/** The action log of an application: who did what, when, with which opinion. Append-only. */
export const applicationActions = pgTable(
  'application_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorType: text('actor_type', { enum: ['CITIZEN', 'STAFF', 'SYSTEM'] }).notNull(),
    actorId: text('actor_id'),
    authorityCode: text('authority_code'),
    opinion: text('opinion'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('application_actions_application').on(t.applicationId)],
);

/** 申请材料: uploaded files of an application, stored through the storage adapter. */
export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    materialCode: text('material_code').notNull(),
    fileKey: text('file_key').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    widthPx: integer('width_px'),
    heightPx: integer('height_px'),
    sha256: text('sha256').notNull(),
    originalName: text('original_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('application_materials_application').on(t.applicationId)],
);

/** 站内信: the applicant's messages about their cases, with read state. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: several messages can share an instant (one transaction), the list must still be ordered. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    applicationId: uuid('application_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_citizen').on(t.citizenId, t.seq)],
);

/** 档案转出: after a 服务单位变更 to another authority, the old one sends the archive within 30 days. */
export const archiveTransfers = pgTable(
  'archive_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').notNull(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id),
    fromAuthorityCode: text('from_authority_code')
      .notNull()
      .references(() => authorities.code),
    toAuthorityCode: text('to_authority_code')
      .notNull()
      .references(() => authorities.code),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: ['OPEN', 'DONE'] }).notNull().default('OPEN'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by'),
  },
  (t) => [index('archive_transfers_from').on(t.fromAuthorityCode, t.status)],
);

/** Per-authority settings of a service: its promised working days (承诺时限). */
export const authorityServiceSettings = pgTable(
  'authority_service_settings',
  {
    authorityCode: text('authority_code')
      .notNull()
      .references(() => authorities.code),
    service: text('service').notNull(),
    promisedDays: integer('promised_days').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.authorityCode, t.service] })],
);

/**
 * Published 业务须知 texts after the built-in one: each edit is a new version; an application keeps the version its
 * applicant agreed to, so earlier agreements never change.
 */
export const noticeVersions = pgTable(
  'notice_versions',
  {
    service: text('service').notNull(),
    /** '' for services without variants. */
    variant: text('variant').notNull().default(''),
    version: text('version').notNull(),
    notice: jsonb('notice').$type<{ title: string; version: string; sections: { heading: string; lines: string[] }[] }>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.service, t.variant, t.version] })],
);

/**
 * Issued documents (凭证, 电子证照, 回执): immutable once issued. `content` is the canonical JSON that was signed
 * (SM2 over its bytes; `content_hash` = SM3); the PDF is stored through the storage adapter with its SHA-256, so an
 * uploaded copy can be checked byte for byte. A reprint is a new row; the earlier one becomes SUPERSEDED.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['VOUCHER', 'E_CERTIFICATE', 'RECEIPT'] }).notNull(),
    docNo: text('doc_no').notNull().unique(),
    verifyCode: text('verify_code').notNull().unique(),
    applicationId: uuid('application_id').references(() => applications.id),
    certificateId: uuid('certificate_id').references(() => certificates.id),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    authorityCode: text('authority_code')
      .notNull()
      .references(() => authorities.code),
    content: text('content').notNull(),
    contentHash: text('content_hash').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id').notNull(),
    pdfKey: text('pdf_key').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    status: text('status', { enum: ['VALID', 'SUPERSEDED', 'VOID'] }).notNull().default('VALID'),
    supersededBy: uuid('superseded_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: text('issued_by').notNull(),
  },
  (t) => [index('documents_application').on(t.applicationId), index('documents_pdf_sha256').on(t.pdfSha256)],
);
