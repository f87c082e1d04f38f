// What a user reads for each error code the API answers with (`{ code }` of the error body):
// one line per code, Bahasa Indonesia then English. A code the API adds gets its line here;
// test/dashboard/error-texts.spec.ts fails naming any code of apps/*/src or libs without one.
// A code missing here is shown as a generic sentence with the code, never the API's message.

export const ERROR_TEXTS = {
  // the gateway (apps/gateway/src/common/errors/gateway-error.ts)
  INVALID_CREDENTIALS: ['Nama pengguna atau kata sandi salah.', 'Wrong username or password.'],
  TOKEN_MISSING: ['Sesi Anda telah berakhir. Silakan masuk kembali.', 'Your session has ended. Please log in again.'],
  TOKEN_INVALID: ['Sesi Anda telah berakhir. Silakan masuk kembali.', 'Your session has ended. Please log in again.'],
  OPERATOR_REQUIRED: ['Hanya operator instalasi yang dapat melakukan ini.', 'Only the installation operator can do this.'],
  ROLE_REQUIRED: ['Peran Anda tidak mengizinkan tindakan ini.', 'Your role does not allow this action.'],
  AGENCY_OUT_OF_SCOPE: ['Data ini milik instansi di luar wewenang Anda.', 'This belongs to an agency outside your scope.'],
  PASSWORD_CHANGE_REQUIRED: [
    'Kata sandi Anda masih sementara. Ganti kata sandi terlebih dahulu.',
    'Your password is temporary. Change it first.',
  ],
  USER_NOT_FOUND: ['Pengguna tidak ditemukan.', 'User not found.'],
  USERNAME_TAKEN: ['Nama pengguna sudah dipakai. Pilih nama lain.', 'That username is taken. Choose another one.'],
  CANNOT_CHANGE_OWN_ACCESS: ['Anda tidak dapat mengubah akses akun Anda sendiri.', 'You cannot change the access of your own account.'],
  WRONG_PASSWORD: ['Kata sandi saat ini salah.', 'The current password is wrong.'],
  IDEMPOTENCY_KEY_REUSED: ['Permintaan ganda. Muat ulang halaman lalu coba lagi.', 'A duplicate request. Reload the page and try again.'],
  IDEMPOTENCY_IN_PROGRESS: ['Permintaan yang sama masih diproses. Tunggu sebentar.', 'The same request is still running. Wait a moment.'],
  REJECTED_MESSAGE_NOT_FOUND: ['Pesan ditolak tersebut tidak ditemukan.', 'That rejected message was not found.'],
  REGISTRY_UPLOAD_TOO_LARGE: ['Berkas registri melebihi ukuran yang diizinkan.', 'The registry file is larger than allowed.'],
  REGISTRY_UPLOADS_FULL: [
    'Ruang unggahan registri penuh. Tunggu impor yang berjalan selesai, lalu coba lagi.',
    'The registry upload space is full. Wait for running imports to finish, then try again.',
  ],
  REGISTRY_IMPORT_SUPERSEDED: [
    'Snapshot lain sudah berlaku sejak impor ini ditahan. Impor ulang berkas terbaru.',
    'Another snapshot became current since this import was held. Import the latest file again.',
  ],
  REGISTRY_IMPORT_NOT_AWAITING_CONFIRMATION: ['Impor ini tidak sedang menunggu konfirmasi.', 'This import is not awaiting confirmation.'],
  REGISTRY_SETTINGS_INVALID: ['Pengaturan registri tidak valid.', 'The registry settings are not valid.'],
  AGENCY_HAS_ADMIN: ['Instansi ini sudah memiliki administrator.', 'This agency already has an administrator.'],
  REJECTED_MESSAGE_INTERNAL: [
    'Pesan layanan Sigap hanya dapat dikirim ulang apa adanya, tanpa perubahan isi.',
    'A message of a Sigap service is replayed only as stored, without changes.',
  ],
  REJECTED_MESSAGE_NO_PAYLOAD: ['Pesan ini tidak dapat dikirim ulang apa adanya.', 'This message cannot be replayed as it is.'],
  ROUTE_NOT_FOUND: ['Alamat layanan tidak ditemukan. Muat ulang halaman.', 'The service address was not found. Reload the page.'],
  SERVICE_UNAVAILABLE: ['Layanan sedang tidak tersedia. Coba lagi sebentar lagi.', 'The service is unavailable. Try again shortly.'],
  RATE_LIMITED: ['Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.', 'Too many requests. Wait a moment and try again.'],
  // any service (libs/platform, libs/messaging) and HTTP statuses without a code of their own
  VALIDATION_FAILED: ['Beberapa isian belum benar.', 'Some fields are not right.'],
  INTERNAL: ['Terjadi kesalahan pada server. Coba lagi nanti.', 'The server failed. Try again later.'],
  REMOTE_FAILURE: ['Layanan gagal menyelesaikan permintaan. Coba lagi nanti.', 'A service failed to answer. Try again later.'],
  BAD_REPLY: ['Layanan memberi jawaban yang tidak dikenali. Coba lagi nanti.', 'A service gave an unexpected answer. Try again later.'],
  BAD_REQUEST: ['Permintaan tidak valid.', 'The request is not valid.'],
  UNAUTHORIZED: ['Sesi Anda telah berakhir. Silakan masuk kembali.', 'Your session has ended. Please log in again.'],
  FORBIDDEN: ['Anda tidak memiliki hak untuk tindakan ini.', 'You are not allowed to do this.'],
  NOT_FOUND: ['Data tidak ditemukan.', 'Not found.'],
  METHOD_NOT_ALLOWED: ['Tindakan ini tidak tersedia.', 'This action is not available.'],
  CONFLICT: ['Data telah berubah. Muat ulang lalu coba lagi.', 'The data has changed. Reload and try again.'],
  PAYLOAD_TOO_LARGE: ['Berkas atau isian terlalu besar.', 'The file or the request is too large.'],
  UNSUPPORTED_MEDIA_TYPE: ['Jenis berkas tidak didukung.', 'This type of file is not supported.'],
  UNPROCESSABLE: ['Permintaan tidak dapat diproses.', 'The request cannot be processed.'],
  TOO_MANY_REQUESTS: ['Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.', 'Too many requests. Wait a moment and try again.'],
  // intake (apps/intake/src/applications/intake.error.ts)
  INTAKE_UNKNOWN_SERVICE: ['Layanan tidak dikenal di instansi ini.', 'This agency has no such service.'],
  INTAKE_APPLICATION_NOT_FOUND: ['Permohonan tidak ditemukan.', 'Application not found.'],
  INTAKE_INVALID_SUBMISSION: ['Data permohonan belum benar.', 'The application has fields that are not right.'],
  INTAKE_ILLEGAL_TRANSITION: ['Status permohonan tidak dapat diubah ke status itu.', 'The application cannot move to that status.'],
  INTAKE_TRANSITION_NOT_ALLOWED: ['Peran Anda tidak boleh membuat perubahan status ini.', 'Your role may not make this change.'],
  INTAKE_TRANSITION_RESERVED: [
    'Langkah ini hanya dicatat oleh sistem: keputusan verifikasi, atau usulan, SK, pencairan dan serah terima di modul penyaluran.',
    'Only the system records this step: the verification decision, or the proposal, decree, payment and handover in disbursement.',
  ],
  INTAKE_REASON_REQUIRED: ['Perubahan status ini memerlukan alasan.', 'This change of status needs a reason.'],
  INTAKE_APPLICATION_NOT_RETURNED: ['Hanya berkas yang dikembalikan yang dapat dilengkapi.', 'Only a returned file can be completed.'],
  INTAKE_APPLICATION_STILL_INCOMPLETE: [
    'Berkas masih belum lengkap: lengkapi semua persyaratan yang kurang.',
    'The file is still incomplete: add every missing requirement.',
  ],
  INTAKE_STANDARD_NOT_FOUND: ['Standar pelayanan tidak ditemukan.', 'Service standard not found.'],
  INTAKE_STANDARD_EXISTS: ['Standar pelayanan dengan kode itu sudah ada.', 'A service standard with that code exists.'],
  INTAKE_INVALID_STANDARD: ['Standar pelayanan belum benar.', 'The service standard has fields that are not right.'],
  INTAKE_ROLE_REQUIRED: ['Peran Anda tidak mengizinkan tindakan ini.', 'Your role does not allow this action.'],
  INTAKE_TICKET_NOT_FOUND: ['Nomor tiket tidak ditemukan.', 'Ticket number not found.'],
  INTAKE_INVALID_CALENDAR_DAY: ['Tanggal kalender belum benar.', 'The calendar day is not right.'],
  INTAKE_CALENDAR_DAY_EXISTS: ['Tanggal itu sudah ada di kalender.', 'That date is already in the calendar.'],
  INTAKE_CALENDAR_DAY_NOT_FOUND: ['Tanggal itu tidak ada di kalender.', 'That date is not in the calendar.'],
  INTAKE_INVALID_QUERY: ['Saringan pencarian tidak valid.', 'The search filters are not valid.'],
  INTAKE_IDEMPOTENCY_KEY_REUSED: ['Kunci dipakai permohonan lain. Muat ulang formulir.', 'Key used by another filing. Reload the form.'],
  // verification (apps/verification/src/verification.error.ts)
  REGISTRY_COLUMN_MISSING: ['Berkas tidak memiliki kolom yang wajib ada.', 'The file lacks a required column.'],
  REGISTRY_FILE_UNREADABLE: ['Berkas tidak terbaca. Gunakan CSV (UTF-8) atau .xlsx.', 'The file cannot be read. Use CSV (UTF-8) or .xlsx.'],
  REGISTRY_UPLOAD_NOT_FOUND: ['Berkas unggahan tidak ditemukan. Unggah ulang.', 'The uploaded file was not found. Upload it again.'],
  REGISTRY_IMPORT_NOT_FOUND: ['Impor tidak ditemukan.', 'Import not found.'],
  REGISTRY_SNAPSHOT_NOT_FOUND: ['Snapshot tidak ditemukan.', 'Snapshot not found.'],
  REGISTRY_SNAPSHOT_NOT_COMPLETE: ['Snapshot belum selesai dimuat.', 'The snapshot has not finished loading.'],
  REGISTRY_PERSON_NOT_FOUND: ['NIK tidak terdaftar di snapshot DTSEN yang berlaku.', 'That NIK is not in the current DTSEN snapshot.'],
  REGISTRY_HOUSEHOLD_NOT_FOUND: ['Nomor KK tidak ada di snapshot DTSEN yang berlaku.', 'That KK number is not in the current snapshot.'],
  VERIFICATION_CASE_NOT_FOUND: ['Kasus verifikasi tidak ditemukan.', 'Verification case not found.'],
  VERIFICATION_CASE_CLOSED: ['Kasus verifikasi sudah ditutup.', 'The verification case is closed.'],
  VERIFICATION_TASK_NOT_FOUND: ['Tugas lapangan tidak ditemukan.', 'Field task not found.'],
  VERIFICATION_SECOND_OFFICER_REQUIRED: [
    'Tahap ini harus dijawab oleh petugas lain dari petugas tahap sebelumnya.',
    'This stage must be answered by another officer than the previous stage.',
  ],
  VERIFICATION_TASK_NOT_OPEN: ['Tugas lapangan ini tidak sedang terbuka.', 'This field task is not open.'],
  VERIFICATION_TASK_NOT_ASSIGNED_TO_YOU: ['Tugas lapangan ini tidak ditugaskan kepada Anda.', 'This field task is not assigned to you.'],
  VERIFICATION_STAGE_NOT_READY: ['Tahap sebelumnya belum selesai.', 'An earlier stage is not finished.'],
  VERIFICATION_TASK_UNASSIGNED: [
    'Tugas lapangan ini belum punya petugas: kepala bidang menugaskannya dahulu, baru kunjungan dapat dicatat.',
    'This field task has no officer yet: the head assigns it first, then the visit can be recorded.',
  ],
  VERIFICATION_ATTACHMENT_NOT_FOUND: ['Foto atau dokumen kunjungan tidak ditemukan.', 'The visit photo or document was not found.'],
  VERIFICATION_ATTACHMENT_UNKNOWN: [
    'Lampiran ini bukan berkas yang diunggah untuk tugas ini.',
    'This attachment is not a file uploaded for this task.',
  ],
  VISIT_ATTACHMENT_TOO_LARGE: [
    'Berkas terlalu besar: paling besar 10 MB per foto atau dokumen.',
    'The file is too large: at most 10 MB per photo or document.',
  ],
  VISIT_ATTACHMENT_TYPE_NOT_ALLOWED: [
    'Hanya foto (JPEG, PNG) atau dokumen PDF yang dapat dilampirkan.',
    'Only photos (JPEG, PNG) or PDF documents can be attached.',
  ],
  VISIT_ATTACHMENTS_FULL: [
    'Tempat penyimpanan lampiran kunjungan penuh; hubungi operator.',
    'The storage for visit attachments is full; contact the operator.',
  ],
  VERIFICATION_RULE_NOT_IN_REVIEW: ['Aturan ini tidak sedang perlu ditinjau.', 'This rule does not need review.'],
  VERIFICATION_SETTLEMENT_INVALID: ['Keputusan aturan belum benar.', 'The settlement has fields that are not right.'],
  UNKNOWN_AGENCY: ['Instansi tidak dikenal.', 'Unknown agency.'],
  ELIGIBILITY_RULES_NOT_FOUND: ['Aturan kelayakan untuk layanan ini tidak ditemukan.', 'No eligibility rules for this service.'],
  ELIGIBILITY_RULES_INVALID: ['Aturan kelayakan belum benar.', 'The eligibility rules have fields that are not right.'],
  // disbursement (apps/disbursement/src/disbursement.error.ts)
  DISBURSEMENT_BUDGET_LINE_NOT_FOUND: ['Pagu anggaran tidak ditemukan.', 'Budget line not found.'],
  DISBURSEMENT_BUDGET_LINE_EXISTS: [
    'Pagu untuk tahun, sumber dana dan program ini sudah ada. Revisi pagu tersebut.',
    'A budget line for this year, source and programme exists. Revise it instead.',
  ],
  DISBURSEMENT_BUDGET_LINE_CHANGED: [
    'Pagu ini baru saja direvisi orang lain. Muat ulang lalu coba lagi.',
    'This budget line was just revised by someone else. Reload and try again.',
  ],
  DISBURSEMENT_CEILING_BELOW_COMMITTED: [
    'Pagu tidak boleh lebih kecil dari dana yang sudah terikat.',
    'The ceiling cannot be below what is already committed.',
  ],
  DISBURSEMENT_CEILING_EXCEEDED: ['Sisa pagu tidak mencukupi untuk usulan ini.', 'The budget line has not enough left for this proposal.'],
  DISBURSEMENT_BUDGET_LINE_MISMATCH: ['Pagu ini bukan milik instansi tersebut.', 'This budget line belongs to another agency.'],
  DISBURSEMENT_BENEFIT_AMOUNT_UNSET: [
    'Besaran bantuan pada standar pelayanan belum diisi. Minta admin mengisinya di katalog layanan.',
    'The standard has no benefit amount yet. Ask the admin to set it in the service catalog.',
  ],
  DISBURSEMENT_APPLICATION_NOT_ELIGIBLE: [
    'Sebagian permohonan tidak dapat diusulkan (belum terverifikasi atau sudah diusulkan).',
    'Some applications cannot be proposed (not verified, or already proposed).',
  ],
  DISBURSEMENT_MIXED_STANDARDS: [
    'Satu usulan hanya untuk satu jenis layanan, sesuai pagunya.',
    'A proposal covers one service only, the one its budget line pays.',
  ],
  DISBURSEMENT_PROPOSAL_NOT_FOUND: ['Usulan tidak ditemukan.', 'Proposal not found.'],
  DISBURSEMENT_PROPOSAL_WRONG_STATUS: [
    'Usulan tidak dalam status yang memungkinkan tindakan ini.',
    'The proposal is not in a status that allows this.',
  ],
  DISBURSEMENT_SECOND_OFFICER_REQUIRED: [
    'Usulan harus disetujui oleh pejabat lain dari penyusunnya.',
    'Another officer than its author must approve the proposal.',
  ],
  DISBURSEMENT_DECREE_NOT_FOUND: ['Surat keputusan tidak ditemukan.', 'Decree not found.'],
  DISBURSEMENT_DECREE_NUMBER_TAKEN: ['Nomor SK ini sudah dipakai.', 'This decree number is already used.'],
  DISBURSEMENT_NOTHING_TO_REQUEST: [
    'Tidak ada penerima yang perlu diajukan ke BPKAD.',
    'No recipient is left to request from the finance office.',
  ],
  DISBURSEMENT_RECIPIENT_NOT_FOUND: ['Penerima tidak ada dalam SK ini.', 'That recipient is not in this decree.'],
  DISBURSEMENT_RECIPIENT_WRONG_STATUS: ['Status penerima tidak memungkinkan tindakan ini.', "The recipient's status does not allow this."],
  DISBURSEMENT_REQUEST_NOT_FOUND: ['Pengajuan pencairan tidak ditemukan.', 'Disbursement request not found.'],
  DISBURSEMENT_SCHEDULE_CHANGED: [
    'Jadwal penyaluran telah diubah petugas lain sejak Anda membukanya. Muat ulang lalu ubah kembali.',
    'The distribution schedule was changed by someone else since you opened it. Reload it and change it again.',
  ],
  DISBURSEMENT_ALREADY_HANDED_OVER: [
    'Bantuan penerima ini sudah diserahkan (BAST sudah dicatat). Serah terima hanya dicatat sekali.',
    "This recipient's aid was handed over already (its BAST is recorded). A handover is recorded once.",
  ],
  DISBURSEMENT_UPLOAD_NOT_FOUND: [
    'Berkas yang diunggah tidak ditemukan lagi. Unggah ulang.',
    'The uploaded file is no longer there. Upload it again.',
  ],
  DOCUMENT_INPUT_INVALID: [
    'Data SK belum lengkap untuk membuat dokumen ini; lihat rincian per baris.',
    "The decree's data is not complete enough for this document; see the details per row.",
  ],
  BANK_ANSWER_TOO_LARGE: ['Berkas jawaban bank terlalu besar (paling besar 10 MB).', "The bank's answer is too large (10 MB at most)."],
  BANK_ANSWER_FILE: [
    'Berkas jawaban bank tidak dapat dibaca (harus CSV UTF-8 atau XLSX).',
    "The bank's answer cannot be read (it must be UTF-8 CSV or XLSX).",
  ],
  BANK_ANSWER_HEADER: [
    'Judul kolom tidak dikenali: perlu kolom nomor rekening dan nomor referensi atau NIK.',
    'The column headers are not recognised: an account number column and a reference or NIK column are needed.',
  ],
  BANK_ANSWER_MISSING: [
    'Isian wajib kosong (referensi, NIK atau nomor rekening).',
    'A required cell is empty (reference, NIK or account number).',
  ],
  BANK_ANSWER_NUMERIC_CELL: [
    'Nomor disimpan sebagai angka di Excel sehingga digit bisa berubah: format kolom sebagai Teks lalu isi ulang dari sumbernya.',
    'The number is stored as a number in Excel, so digits may have changed: format the column as Text and enter it again from the source.',
  ],
  BANK_ANSWER_FORMAT: ['Format isian salah (nomor rekening atau NIK).', 'The cell has the wrong format (account number or NIK).'],
  BANK_ANSWER_UNKNOWN_REFERENCE: [
    'Referensi atau NIK tidak ada dalam daftar yang dikirim ke bank.',
    'The reference or NIK is not in the list sent to the bank.',
  ],
  BANK_ANSWER_NIK_MISMATCH: ['NIK tidak sesuai dengan nomor referensinya.', 'The NIK does not match its reference.'],
  BANK_ANSWER_DUPLICATE: [
    'Referensi atau nomor rekening sudah ada di baris sebelumnya.',
    'The reference or account number already appears on an earlier row.',
  ],
} as const satisfies Record<string, readonly [id: string, en: string]>;

export type ErrorCode = keyof typeof ERROR_TEXTS;

export function isKnownErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_TEXTS, code);
}
