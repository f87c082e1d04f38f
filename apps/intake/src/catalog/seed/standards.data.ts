/**
 * The five service standards of ../shared/seeds, as data: what the catalog seeder writes as
 * version 1 of each agency's standard when the agency has none of that code yet (an admin's
 * later versions are never overwritten). English texts are ours; the Indonesian ones follow
 * the seeds' wording.
 *
 * Reading of the seeds, where they leave room:
 * - "1 Hari" / "3 Hari" without "kerja" are calendar days (Pasuruan writes "5 Hari kerja"
 *   when it means working days); "0 Hari" is the same day (end of the local day).
 * - SANTUNAN_ANAK: "registered in DTKS, or else an SKTM" is left to verification, which holds
 *   the registry (DTSEN, formerly DTKS): a file without an SKTM is not returned at intake.
 * - AUDIENSI: the deadline (1 day; 30 minutes for an urgent walk-in) is met when an officer
 *   is assigned and the applicant informed; an urgent walk-in (channel WALK_IN) may go
 *   straight to an officer without the head's disposition (seed 002, step 8).
 * - SANTUNAN_ANAK and BANSOS_REHSOS share one lifecycle: REGISTERED → IN_VERIFICATION
 *   (TRC field verification; Dinsos then kelurahan validation) → VERIFIED → PROPOSED (to the
 *   regent / mayor) → DECREED (SK Bupati / SK Walikota) → DISBURSING (budget through
 *   DPPKAD / BPKA, accounts at Bank Jatim) → HANDED_OVER, or NOT_PAID for a decreed recipient
 *   who can never be paid. Every step from the decision on is made by verification or
 *   disbursement, never by hand (issue 12).
 * - BANSOS_REHSOS's "5 Hari kerja" ends with its product, "Form usulan penerima dansos": the
 *   proposal. SANTUNAN_ANAK's 3 months run until the handover (the seed's product is the
 *   division's service as a whole).
 * - The benefit amount (`benefit`) is left unset: the seeds name what is given, not how much;
 *   each agency's admin sets it in the catalog before its first proposal.
 */
import type {
  ComplaintChannelSpec,
  LifecycleSpec,
  LifecycleStatus,
  LifecycleTransition,
  LocalizedText,
  StandardDefinition,
} from '#contracts';

export interface SeededStandard {
  agencyCode: string;
  definition: StandardDefinition;
}

const t = (id: string, en: string): LocalizedText => ({ id, en });
const status = (code: string, id: string, en: string, terminal = false): LifecycleStatus => ({ code, name: t(id, en), terminal });

const FREE = { amount: '0', label: t('Tidak dipungut biaya', 'Free of charge') };
const APPLICANT_RESIDENT = { minAge: 17, residency: 'AGENCY_AREA' as const };

const RETURNED = status('RETURNED', 'Dikembalikan (berkas belum lengkap)', 'Returned (file incomplete)', true);
const REJECTED = status('REJECTED', 'Ditolak', 'Rejected', true);
const WITHDRAWN = status('WITHDRAWN', 'Dicabut oleh pemohon', 'Withdrawn by the applicant', true);
const REGISTERED = status('REGISTERED', 'Terdaftar', 'Registered');

const returnAtFrontOffice: LifecycleTransition = { from: ['REGISTERED'], to: 'RETURNED', roles: ['FRONT_OFFICE'], reasonRequired: true };
const withdraw = (from: string[]): LifecycleTransition => ({ from, to: 'WITHDRAWN', roles: ['FRONT_OFFICE'], reasonRequired: true });

/** "Tidak dapat disalurkan": a decreed recipient the finance office can never pay (terminal, with a public reason). */
export const NOT_PAID = status('NOT_PAID', 'Tidak dapat disalurkan', 'Cannot be paid out', true);

/**
 * SANTUNAN_ANAK and BANSOS_REHSOS: verification, proposal, decree, disbursement, handover.
 * From the case on, the application moves only by the services that do the work (issue 12):
 * verification's decision (IN_VERIFICATION → VERIFIED / REJECTED), disbursement's proposal,
 * the head's return of it, the decree, the payment, a recipient who can never be paid, and the
 * handover (BAST). Staff open the case, reject or accept a withdrawal before the proposal, and
 * return an incomplete file; they cannot make a step the services own (INTAKE_TRANSITION_RESERVED).
 * `deadlineMetAt`: where the standard's deadline ends (its product).
 */
export function assistanceLifecycle(
  words: { proposed: LocalizedText; decreed: LocalizedText; disbursing: LocalizedText; handedOver: LocalizedText },
  deadlineMetAt: string[],
): LifecycleSpec {
  return {
    initial: 'REGISTERED',
    statuses: [
      REGISTERED,
      status('IN_VERIFICATION', 'Dalam verifikasi dan validasi', 'In verification and validation'),
      status('VERIFIED', 'Terverifikasi', 'Verified'),
      { code: 'PROPOSED', name: words.proposed, terminal: false },
      { code: 'DECREED', name: words.decreed, terminal: false },
      { code: 'DISBURSING', name: words.disbursing, terminal: false },
      { code: 'HANDED_OVER', name: words.handedOver, terminal: true },
      NOT_PAID,
      RETURNED,
      REJECTED,
      WITHDRAWN,
    ],
    transitions: [
      { from: ['REGISTERED'], to: 'IN_VERIFICATION', roles: ['HEAD', 'VERIFIER'], systems: ['verification'] },
      { from: ['IN_VERIFICATION'], to: 'VERIFIED', roles: [], systems: ['verification'] },
      { from: ['IN_VERIFICATION'], to: 'REJECTED', roles: [], systems: ['verification'], reasonRequired: true },
      { from: ['VERIFIED'], to: 'PROPOSED', roles: [], systems: ['disbursement'] },
      // the head returned the proposal (usulan): back in the pool of verified applications
      { from: ['PROPOSED'], to: 'VERIFIED', roles: [], systems: ['disbursement'] },
      { from: ['PROPOSED'], to: 'DECREED', roles: [], systems: ['disbursement'] },
      { from: ['DECREED'], to: 'DISBURSING', roles: [], systems: ['disbursement'] },
      { from: ['DISBURSING'], to: 'HANDED_OVER', roles: [], systems: ['disbursement'] },
      { from: ['DECREED', 'DISBURSING'], to: 'NOT_PAID', roles: [], systems: ['disbursement'], reasonRequired: true },
      // before a proposal holds it: a late finding (the head, with a reason) or the applicant's withdrawal
      { from: ['VERIFIED'], to: 'REJECTED', roles: ['HEAD'], reasonRequired: true },
      returnAtFrontOffice,
      withdraw(['REGISTERED', 'IN_VERIFICATION', 'VERIFIED']),
    ],
    deadlineMetAt,
  };
}

const KALBAR_DINSOS_COMPLAINTS: ComplaintChannelSpec[] = [
  { channel: 'FACE_TO_FACE', contact: 'Pejabat Pengelola Pengaduan, Dinas Sosial Provinsi Kalimantan Barat' },
  { channel: 'BOX', contact: 'Kotak pengaduan di Dinas Sosial Provinsi Kalimantan Barat' },
  { channel: 'LETTER', contact: 'Dinas Sosial Provinsi Kalimantan Barat, Jl. Sutan Syahrir No. 3, Pontianak' },
  { channel: 'WHATSAPP', contact: '082158948200' },
  { channel: 'TELEGRAM', contact: '082158948200' },
  { channel: 'PHONE', contact: 'Telepon (0561) 732523, Fax (0561) 732524' },
  { channel: 'WEB', contact: 'http://dinsos.kalbarprov.go.id/' },
  { channel: 'EMAIL', contact: 'dinsos@kalbarprov.go.id' },
  { channel: 'SOCIAL_MEDIA', contact: 'Facebook & Twitter: Dinas Sosial Provinsi kalbar; Instagram: dinsos_Provkalbar' },
];

export const CATALOG_SEED: SeededStandard[] = [
  // seed 000: Pemerintah Provinsi Kalimantan Barat / Dinas Sosial
  {
    agencyCode: '61',
    definition: {
      code: 'LOGISTIK',
      name: t('Penyaluran Bantuan Logistik', 'Distribution of logistics aid'),
      description: t(
        'Distribusi bantuan logistik kesiapsiagaan bencana ke kabupaten/kota secara reguler, dan droping bantuan tanggap darurat ke posko bencana atau masyarakat.',
        'Regular distribution of disaster-preparedness stock to regencies and cities, and emergency drops to disaster posts or communities.',
      ),
      decreeNumber: null,
      requirements: [
        {
          code: 'SURAT_PERMOHONAN',
          name: t('Permohonan penerima bantuan', 'Request from the receiving party'),
          documentTypes: ['SURAT_PERMOHONAN'],
          checkedBy: 'INTAKE',
        },
      ],
      targetGroups: [],
      targetGroupRequired: false,
      applicant: APPLICANT_RESIDENT,
      beneficiary: { required: false },
      procedure: [
        {
          text: t(
            'Pemohon menyampaikan permohonan informasi / data kelompok penerima bantuan beserta persyaratan kepada petugas front office',
            'The applicant submits the request (information / data on the group receiving aid) with its requirements to the front office',
          ),
        },
        {
          text: t(
            'Mengisi formulir permohonan informasi sekaligus melengkapi data diri',
            'Fills in the request form with personal details',
          ),
          status: 'REGISTERED',
        },
        {
          text: t(
            'Berkas pemohon yang memenuhi syarat akan diproses, jika tidak memenuhi syarat akan dikembalikan',
            'A complete file is processed; an incomplete one is returned',
          ),
          status: 'IN_PROCESS',
        },
        {
          text: t(
            'Pemohon akan mendapatkan penjelasan lebih rinci oleh Bidang terkait',
            'The division concerned explains the details to the applicant',
          ),
        },
        { text: t('Informasi diberikan kepada pemohon', 'The information is given to the applicant'), status: 'INFORMATION_GIVEN' },
        { text: t('Selesai', 'Done') },
      ],
      deadline: { amount: 0, unit: 'WORKING_DAYS' },
      deadlineNote: t(
        '0 Hari. Distribusi reguler menyesuaikan ketersediaan gudang logistik provinsi; status tanggap darurat: droping bantuan spontan dan langsung saat terjadi bencana.',
        'Same day. Regular distribution as the provincial warehouse allows; in an emergency, aid is dropped at once when the disaster strikes.',
      ),
      deadlineRules: [],
      fee: FREE,
      products: [t('Tepat sasaran dalam penyaluran bantuan logistik', 'Logistics aid delivered to the right recipients')],
      complaintChannels: KALBAR_DINSOS_COMPLAINTS,
      lifecycle: {
        initial: 'REGISTERED',
        statuses: [
          REGISTERED,
          status('IN_PROCESS', 'Diproses oleh Bidang terkait', 'Processed by the division concerned'),
          status('INFORMATION_GIVEN', 'Informasi diberikan', 'Information given', true),
          RETURNED,
          REJECTED,
          WITHDRAWN,
        ],
        transitions: [
          { from: ['REGISTERED'], to: 'IN_PROCESS', roles: ['HEAD', 'WAREHOUSE'] },
          { from: ['IN_PROCESS'], to: 'INFORMATION_GIVEN', roles: ['HEAD', 'WAREHOUSE', 'FRONT_OFFICE'] },
          { from: ['REGISTERED', 'IN_PROCESS'], to: 'REJECTED', roles: ['HEAD'], reasonRequired: true },
          returnAtFrontOffice,
          withdraw(['REGISTERED', 'IN_PROCESS']),
        ],
        deadlineMetAt: ['INFORMATION_GIVEN'],
      },
      eligibility: { emergencyDispatch: 'IMMEDIATE', regularDispatch: 'AS_STOCK_ALLOWS' },
    },
  },

  // seed 001: Pemerintah Kab. Banjarnegara / Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak
  {
    agencyCode: '33.04',
    definition: {
      code: 'SANTUNAN_ANAK',
      name: t(
        'Santunan Anak Terlantar atau Anak Balita Terlantar di Luar Panti yang Belum Masuk Daftar Penerima Program Bantuan Sosial dari APBN / APBD',
        'Benefit for neglected children and toddlers outside institutions not yet on any APBN / APBD social assistance list',
      ),
      decreeNumber: '041.7/127/DinsosPPPA/2023',
      requirements: [
        {
          code: 'KTP',
          name: t('Fotokopi Kartu Tanda Penduduk pemohon', "Copy of the applicant's identity card (KTP)"),
          documentTypes: ['KTP'],
          checkedBy: 'INTAKE',
        },
        {
          code: 'KK',
          name: t('Fotokopi Kartu Keluarga pemohon', "Copy of the applicant's family card (KK)"),
          documentTypes: ['KK'],
          checkedBy: 'INTAKE',
        },
        {
          code: 'DTKS_OR_SKTM',
          name: t(
            'Terdaftar dalam DTSEN (dahulu DTKS), atau melampirkan SKTM dari Kepala Desa / Lurah mengetahui Camat',
            'Registered in DTSEN (formerly DTKS), or else a certificate of poverty (SKTM) from the village head acknowledged by the camat',
          ),
          documentTypes: ['SKTM'],
          checkedBy: 'VERIFICATION',
        },
        {
          code: 'SURAT_PERMOHONAN',
          name: t(
            'Surat permohonan bantuan sosial JPST dari kelurahan / desa diketahui camat',
            'Request letter for JPST social assistance from the village / kelurahan, acknowledged by the camat',
          ),
          documentTypes: ['SURAT_PERMOHONAN'],
          checkedBy: 'INTAKE',
        },
      ],
      targetGroups: [
        { code: 'ANAK_TERLANTAR', name: t('Anak terlantar', 'Neglected child'), ageUnder: 18 },
        { code: 'ANAK_BALITA_TERLANTAR', name: t('Anak balita terlantar', 'Neglected toddler'), ageUnder: 5 },
      ],
      targetGroupRequired: false,
      applicant: APPLICANT_RESIDENT,
      beneficiary: { required: true, ageUnder: 18 },
      procedure: [
        {
          text: t(
            'Pemohon (PMKS/PPKS/keluarga) datang ke Puskesmas SLRT membawa surat permohonan bantuan sosial JPST beserta lampiran persyaratan dari kelurahan / desa diketahui camat, ditujukan kepada Bupati cq Kepala Dinas Sosial PPPA',
            'The applicant (PMKS/PPKS or family) comes to the SLRT desk at the Puskesmas with the JPST request letter and its attachments from the village, acknowledged by the camat, addressed to the regent through the head of the department',
          ),
        },
        {
          text: t(
            'Surat diterima front office, diserahkan ke manajer, lalu dilaporkan kepada Kepala Dinas',
            'The front office receives the letter, hands it to the manager, who reports it to the head of the department',
          ),
          status: 'REGISTERED',
        },
        {
          text: t(
            'Verifikasi dan validasi lapangan oleh Tim Reaksi Cepat (TRC)',
            'Field verification and validation by the rapid response team (TRC)',
          ),
          status: 'IN_VERIFICATION',
        },
        {
          text: t('Penetapan SK Bupati penerima bansos JPST', "The regent's decree (SK Bupati) names the JPST recipients"),
          status: 'DECREED',
        },
        {
          text: t('Pencairan anggaran BTT / JPST ke DPPKAD', 'The BTT / JPST budget is disbursed through the finance office (DPPKAD)'),
          status: 'DISBURSING',
        },
        { text: t('Penyerahan bansos JPST ke pemohon', 'The JPST assistance is handed over to the applicant'), status: 'HANDED_OVER' },
      ],
      deadline: { amount: 3, unit: 'MONTHS' },
      deadlineNote: t('3 Bulan', '3 months'),
      deadlineRules: [],
      fee: FREE,
      products: [t('Bidang Sosial', 'Social affairs division')],
      complaintChannels: [
        { channel: 'FACE_TO_FACE', contact: 'Datang langsung ke Dinas Sosial PPPA Kabupaten Banjarnegara' },
        { channel: 'PHONE', contact: 'Telepon/Faksimili (0286) 591892; HP 081 327 191 692' },
        { channel: 'LETTER', contact: 'Jalan Letnan Karjono No. 193 Parakancanggah, Banjarnegara' },
        { channel: 'EMAIL', contact: 'dinsos.banjarnegara@gmail.com' },
        { channel: 'WEB', contact: 'dinsospppa.banjarnegarakab.go.id' },
        { channel: 'BOX', contact: 'Kotak saran' },
        { channel: 'SOCIAL_MEDIA', contact: 'Media sosial Dinas Sosial PPPA Kabupaten Banjarnegara' },
      ],
      lifecycle: assistanceLifecycle(
        {
          proposed: t('Diusulkan untuk SK Bupati', "Proposed for the regent's decree"),
          decreed: t('Ditetapkan dalam SK Bupati', "Named in the regent's decree (SK Bupati)"),
          disbursing: t('Pencairan anggaran BTT / JPST melalui DPPKAD', 'BTT / JPST budget being disbursed through DPPKAD'),
          handedOver: t('Bansos JPST diserahkan kepada pemohon', 'Assistance handed over to the applicant'),
        },
        ['HANDED_OVER'],
      ),
      eligibility: {
        registryOrSktm: true,
        notInPrograms: ['PKH', 'BPNT', 'PBI-JK', 'BLT-DD'],
        fieldVerificationBy: 'TRC',
        budgetLines: ['BTT', 'JPST'],
      },
    },
  },

  // seed 002: Pemerintah Provinsi Kepulauan Bangka Belitung / Dinas Sosial dan Pemberdayaan Masyarakat Desa
  {
    agencyCode: '19',
    definition: {
      code: 'AUDIENSI',
      name: t('Layanan Audiensi', 'Audience with the head of department'),
      decreeNumber: '188.4/47/DINSOSPMD/2023',
      requirements: [
        {
          code: 'BUKU_TAMU',
          name: t('Mengisi buku tamu di front office', 'Guest book entry at the front office'),
          documentTypes: ['BUKU_TAMU'],
          checkedBy: 'INTAKE',
        },
        {
          code: 'KTP',
          name: t('Menunjukkan kartu identitas yang masih berlaku', 'A valid identity card'),
          documentTypes: ['KTP'],
          checkedBy: 'INTAKE',
        },
        {
          code: 'FORMULIR_PERMOHONAN',
          name: t('Mengisi formulir permohonan yang telah disediakan', 'The request form, filled in'),
          documentTypes: ['FORMULIR_PERMOHONAN'],
          checkedBy: 'INTAKE',
        },
      ],
      targetGroups: [],
      targetGroupRequired: false,
      applicant: APPLICANT_RESIDENT,
      beneficiary: { required: false },
      procedure: [
        {
          text: t(
            'Pengguna layanan menyampaikan surat kepada Kepala Dinas atau datang langsung ke Sekretariat Dinas menyampaikan maksud dan tujuan audiensi',
            'The applicant writes to the head of department or comes to the secretariat with the purpose of the audience',
          ),
        },
        {
          text: t(
            'Surat permohonan diagendakan dan diproses sesuai ketentuan oleh Tim PKD',
            'The letter is put on the agenda and processed by the PKD team',
          ),
          status: 'REGISTERED',
        },
        {
          text: t(
            'Kepala Dinas mendisposisikan surat permohonan kepada Kepala Bidang terkait',
            'The head of department disposes the letter to the division head concerned',
          ),
          status: 'DISPOSED',
        },
        {
          text: t(
            'Kepala Bidang menugaskan pejabat/pegawai, atau bertindak langsung sebagai pemberi layanan audiensi',
            'The division head assigns an officer, or holds the audience personally',
          ),
          status: 'OFFICER_ASSIGNED',
        },
        {
          text: t(
            'Pegawai yang ditunjuk menyiapkan administrasi, bahan, peralatan dan telaahan staf bila perlu',
            'The officer prepares the administration, materials and, if needed, a staff review',
          ),
        },
        { text: t('Pemohon menerima informasi layanan audiensi', 'The applicant is informed of the audience') },
        { text: t('Pejabat/pegawai yang ditunjuk melaksanakan audiensi', 'The officer holds the audience'), status: 'AUDIENCE_HELD' },
        {
          text: t(
            'Pengguna layanan yang datang langsung karena alasan urgensi tanpa surat resmi dapat langsung dilayani dan diarahkan kepada petugas audiensi',
            'An urgent walk-in without an official letter is served at once and directed to the officer',
          ),
        },
        {
          text: t(
            'Petugas menyampaikan laporan hasil audiensi secara tertulis kepada Kepala Dinas melalui Kepala Bidang',
            'The officer reports in writing to the head of department through the division head',
          ),
          status: 'REPORTED',
        },
      ],
      deadline: { amount: 1, unit: 'CALENDAR_DAYS' },
      deadlineNote: t(
        'Informasi / jawaban pelaksanaan audiensi disampaikan maksimal 1 hari sejak surat permohonan diterima Kepala Bidang terkait; pengguna layanan yang datang langsung dengan alasan urgensi diarahkan kepada petugas audiensi maksimal 30 menit.',
        'The answer on the audience is given within 1 day of the division head receiving the letter; an urgent walk-in is directed to the officer within 30 minutes.',
      ),
      deadlineRules: [
        {
          channels: ['WALK_IN'],
          deadline: { amount: 30, unit: 'MINUTES' },
          label: t('Datang langsung, mendesak: 30 menit', 'Urgent walk-in: 30 minutes'),
        },
      ],
      fee: FREE,
      products: [
        t(
          'Saran, masukan, pertimbangan, solusi dan rekomendasi terhadap permasalahan sesuai maksud permintaan audiensi',
          'Advice, input, considerations, solutions and recommendations on the matter of the audience',
        ),
      ],
      complaintChannels: [
        {
          channel: 'FACE_TO_FACE',
          contact:
            'Dinas Sosial dan PMD Provinsi Kepulauan Bangka Belitung, Komplek Perkantoran dan Pemukiman Terpadu, Air Itam, Pangkalpinang',
        },
        { channel: 'LETTER', contact: 'Dinas Sosial dan PMD Provinsi Kepulauan Bangka Belitung, Pangkalpinang' },
        { channel: 'WEB', contact: 'www.dinsospmd.babelprov.go.id' },
        { channel: 'LAPOR', contact: 'SP4N-LAPOR!' },
      ],
      lifecycle: {
        initial: 'REGISTERED',
        statuses: [
          REGISTERED,
          status('DISPOSED', 'Didisposisikan kepada Kepala Bidang', 'Disposed to the division head'),
          status('OFFICER_ASSIGNED', 'Petugas audiensi ditunjuk', 'Officer assigned'),
          status('AUDIENCE_HELD', 'Audiensi dilaksanakan', 'Audience held'),
          status('REPORTED', 'Laporan hasil audiensi disampaikan', 'Audience report submitted', true),
          RETURNED,
          REJECTED,
          WITHDRAWN,
        ],
        transitions: [
          { from: ['REGISTERED'], to: 'DISPOSED', roles: ['HEAD'] },
          { from: ['DISPOSED'], to: 'OFFICER_ASSIGNED', roles: ['HEAD'] },
          { from: ['REGISTERED'], to: 'OFFICER_ASSIGNED', roles: ['FRONT_OFFICE', 'HEAD'], channels: ['WALK_IN'] },
          { from: ['OFFICER_ASSIGNED'], to: 'AUDIENCE_HELD', roles: ['HEAD', 'FRONT_OFFICE'] },
          { from: ['AUDIENCE_HELD'], to: 'REPORTED', roles: ['HEAD'] },
          { from: ['REGISTERED', 'DISPOSED'], to: 'REJECTED', roles: ['HEAD'], reasonRequired: true },
          returnAtFrontOffice,
          withdraw(['REGISTERED', 'DISPOSED', 'OFFICER_ASSIGNED']),
        ],
        deadlineMetAt: ['OFFICER_ASSIGNED'],
      },
      eligibility: {},
    },
  },

  // seed 003: Pemerintah Kota Pasuruan / Dinas Sosial
  {
    agencyCode: '35.75',
    definition: {
      code: 'BANSOS_REHSOS',
      name: t('Bansos Bidang Rehabilitasi Sosial', 'Social rehabilitation assistance'),
      decreeNumber: null,
      requirements: [
        {
          code: 'KTP',
          name: t('Identitas yang jelas sebagai warga Kota Pasuruan (KTP)', 'Clear identity as a resident of Kota Pasuruan (KTP)'),
          documentTypes: ['KTP'],
          checkedBy: 'INTAKE',
        },
        { code: 'KK', name: t('Kartu Keluarga', 'Family card (KK)'), documentTypes: ['KK'], checkedBy: 'INTAKE' },
      ],
      targetGroups: [
        {
          code: 'WRSE',
          name: t('Wanita Rawan Sosial Ekonomi (WRSE)', 'Women vulnerable socially and economically (WRSE)'),
          minAge: 18,
          sex: 'F',
        },
        { code: 'LANSIA', name: t('Lansia potensial', 'Potential elderly'), minAge: 60 },
        { code: 'FAKIR_MISKIN', name: t('Fakir miskin', 'The poor') },
        { code: 'ANAK_YATIM', name: t('Anak yatim', 'Orphans'), ageUnder: 18 },
        { code: 'DISABILITAS', name: t('Penyandang disabilitas', 'People with disabilities') },
      ],
      targetGroupRequired: true,
      applicant: APPLICANT_RESIDENT,
      beneficiary: { required: false },
      procedure: [
        {
          text: t(
            'Pemilahan data KPM yang layak bansos dari DTKS dan PMKS; pemeriksaan kelengkapan berkas',
            'Candidates fit for assistance are selected from DTKS and PMKS data; the file is checked for completeness',
          ),
          status: 'REGISTERED',
        },
        { text: t('Memilih data calon penerima', 'Candidate recipients are chosen') },
        { text: t('Verifikasi dan validasi data KPM oleh Dinsos', 'Verification and validation by Dinsos'), status: 'IN_VERIFICATION' },
        { text: t('Verifikasi dan validasi data KPM oleh Kelurahan', 'Verification and validation by the kelurahan'), status: 'VERIFIED' },
        {
          text: t(
            'Pengusulan calon penerima bantuan dalam bentuk rekomendasi ke Walikota',
            'Candidates are proposed to the mayor as a recommendation',
          ),
          status: 'PROPOSED',
        },
        { text: t('Penerbitan SK Walikota', "The mayor's decree (SK Walikota) is issued"), status: 'DECREED' },
        {
          text: t(
            'Dinas Sosial mengajukan anggaran bantuan sosial kepada Badan Pengelolaan Keuangan dan Aset',
            'Dinsos requests the budget from the finance and assets office (BPKA)',
          ),
          status: 'DISBURSING',
        },
        {
          text: t(
            'Data KPM penerima yang sudah ditetapkan disampaikan kepada Bank Jatim',
            'The decreed recipients are sent to Bank Jatim for their accounts',
          ),
        },
        { text: t('Dinas Sosial membuat jadwal penyaluran', 'Dinsos sets the distribution schedule') },
        {
          text: t(
            'Dinas Sosial melakukan penyaluran bantuan bekerja sama dengan Lurah',
            'Dinsos distributes the assistance together with the lurah',
          ),
          status: 'HANDED_OVER',
        },
      ],
      deadline: { amount: 5, unit: 'WORKING_DAYS' },
      deadlineNote: t('5 Hari kerja', '5 working days'),
      deadlineRules: [],
      fee: FREE,
      products: [
        t('Form usulan penerima dansos', 'Proposal form of the recipients'),
        t('SK Walikota penerima dansos', "The mayor's decree naming the recipients"),
      ],
      complaintChannels: [
        { channel: 'FACE_TO_FACE', contact: 'Mal Pelayanan Publik (MPP) Kota Pasuruan, Jl. KH. Wachid Hasyim' },
        { channel: 'WEB', contact: 'E-Sambat Kota Pasuruan: https://esambat.pasuruankota.go.id/' },
        { channel: 'LAPOR', contact: 'https://www.lapor.go.id/' },
        { channel: 'WEB', contact: 'https://dinsos.pasuruankota.go.id/' },
        { channel: 'WHATSAPP', contact: '085607966637' },
        { channel: 'SOCIAL_MEDIA', contact: 'Instagram @dinsoskotapasuruan; Facebook dinsoskotapasuruan; TikTok @dinsoskotapasuruan' },
      ],
      lifecycle: assistanceLifecycle(
        {
          proposed: t('Diusulkan kepada Walikota', 'Proposed to the mayor'),
          decreed: t('Ditetapkan dalam SK Walikota', "Named in the mayor's decree (SK Walikota)"),
          disbursing: t('Pengajuan anggaran ke BPKA dan rekening Bank Jatim', 'Budget requested from BPKA; accounts at Bank Jatim'),
          handedOver: t('Bantuan disalurkan bersama Lurah', 'Assistance distributed together with the lurah'),
          // the 5 working days end with the standard's product, the proposal (usulan) to the mayor;
          // the decree and the payout follow on the city's budget calendar, as their own steps
        },
        ['PROPOSED'],
      ),
      eligibility: {
        sources: ['DTKS', 'PMKS'],
        kelurahanValidation: true,
        bank: 'Bank Jatim',
        priorities: ['REHABILITASI_SOSIAL', 'PERLINDUNGAN_SOSIAL', 'PEMBERDAYAAN_SOSIAL', 'JAMINAN_SOSIAL', 'PENANGGULANGAN_BENCANA'],
      },
    },
  },

  // seed 004: Pemerintah Provinsi Kalimantan Barat / Biro Kesejahteraan Rakyat
  {
    agencyCode: '61.BKS',
    definition: {
      code: 'DATA_INFO',
      name: t('Pelayanan Data, Laporan, dan Informasi', 'Request for data, reports and information'),
      decreeNumber: '285/OR/2022',
      requirements: [
        {
          code: 'SURAT_TUGAS',
          name: t('Surat tugas', 'Assignment letter (surat tugas)'),
          documentTypes: ['SURAT_TUGAS'],
          checkedBy: 'INTAKE',
        },
        {
          code: 'SURAT_PERMOHONAN',
          name: t('Surat permintaan data, laporan, informasi', 'Letter requesting the data, reports or information'),
          documentTypes: ['SURAT_PERMOHONAN'],
          checkedBy: 'INTAKE',
        },
        { code: 'KTP', name: t('Tanda pengenal / identitas', 'Identity card'), documentTypes: ['KTP'], checkedBy: 'INTAKE' },
      ],
      targetGroups: [],
      targetGroupRequired: false,
      applicant: { minAge: 17, residency: 'ANY' },
      beneficiary: { required: false },
      procedure: [
        { text: t('Tamu / pengguna layanan menuju ke petugas informasi', 'The visitor goes to the information desk') },
        {
          text: t(
            'Menyampaikan keperluan, mengisi buku tamu / formulir permintaan data / informasi',
            'States the purpose, fills in the guest book or request form',
          ),
        },
        { text: t('Menyampaikan surat permintaan data, laporan, informasi', 'Hands in the request letter'), status: 'REGISTERED' },
        { text: t('Menerima data / informasi', 'Receives the data or information'), status: 'DATA_HANDED_OVER' },
      ],
      deadline: { amount: 3, unit: 'CALENDAR_DAYS' },
      deadlineNote: t('3 Hari', '3 days'),
      deadlineRules: [],
      fee: FREE,
      products: [t('Pelayanan data, laporan, dan informasi', 'Data, reports and information')],
      complaintChannels: [
        { channel: 'FACE_TO_FACE', contact: 'Pejabat Pengelola Pengaduan, Biro Kesejahteraan Rakyat' },
        { channel: 'BOX', contact: 'Kotak pengaduan' },
        { channel: 'WHATSAPP', contact: '085828735503' },
        { channel: 'PHONE', contact: 'Telepon (0561) 736541 ext. 126; Faksimili (0561) 730062' },
        { channel: 'EMAIL', contact: 'kesra@kalbarprov.go.id' },
        { channel: 'LAPOR', contact: 'www.lapor.go.id' },
      ],
      lifecycle: {
        initial: 'REGISTERED',
        statuses: [
          REGISTERED,
          status('DATA_HANDED_OVER', 'Data / informasi diserahkan', 'Data handed over', true),
          RETURNED,
          REJECTED,
          WITHDRAWN,
        ],
        transitions: [
          { from: ['REGISTERED'], to: 'DATA_HANDED_OVER', roles: ['FRONT_OFFICE', 'HEAD'] },
          { from: ['REGISTERED'], to: 'REJECTED', roles: ['HEAD'], reasonRequired: true },
          returnAtFrontOffice,
          withdraw(['REGISTERED']),
        ],
        deadlineMetAt: ['DATA_HANDED_OVER'],
      },
      eligibility: {},
    },
  },
];
