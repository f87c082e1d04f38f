// The rules the API names in a 400's details, in Bahasa Indonesia. The API states them in
// English after the field's name ("nik must be 16 digits", from class-validator, the NIK
// check of libs/domain and the services' own checks); each line below matches one rule (the
// text after the field's name, or the whole message) and says it in Indonesian, `{name}`
// taken from the match. A rule not listed is shown as a generic sentence in Indonesian.
// The English interface shows the API's own sentence.

const WORDS: Record<string, string> = {
  M: 'laki-laki',
  F: 'perempuan',
  men: 'laki-laki',
  women: 'perempuan',
  applicant: 'pemohon',
  beneficiary: 'penerima manfaat',
};

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // presence and shape (class-validator messages of the contracts and the gateway's DTOs)
  [/^(must not be empty|is required|must be defined)$/, 'wajib diisi'],
  [/^must be (\d+) digits$/, 'harus {1} digit angka'],
  [/^must be a date YYYY-MM-DD$/, 'harus berupa tanggal (TTTT-BB-HH)'],
  [/^must be a date YYYY-MM-DD in (?<year>\d{4})$/, 'harus berupa tanggal pada tahun {year}'],
  [/^must be an ISO-8601 time with offset$/, 'harus berupa waktu yang lengkap'],
  [/^must not be in the future$/, 'tidak boleh tanggal yang akan datang'],
  [/^must be after 1900$/, 'harus setelah tahun 1900'],
  [/^must be M or F$/, 'harus laki-laki atau perempuan'],
  [/^must be a (string|text)$/, 'harus berupa teks'],
  [/^must be true or false$/, 'harus ya atau tidak'],
  [/^must be an? (array|list).*$/, 'harus berupa daftar'],
  [/^must be an object$/, 'harus berupa objek'],
  [/^must be a whole number$/, 'harus bilangan bulat'],
  [/^must be a whole number (?<min>\d+)[–-](?<max>\d+), or null for any$/, 'harus bilangan bulat {min}–{max}, atau kosong untuk semua'],
  [/^must be a whole number of years$/, 'harus bilangan bulat (tahun)'],
  [/^must be a UUID$/, 'harus berupa UUID'],
  [/^must be a phone number$/, 'harus berupa nomor telepon'],
  [/^must be a (latitude|longitude)$/, 'bukan koordinat yang valid'],
  [/^must be a username$/, 'harus berupa nama pengguna'],
  [/^must be one of (?<list>.+)$/, 'harus salah satu dari: {list}'],
  [/^must list (?<list>[A-Z_, ]+)$/, 'harus berisi: {list}'],
  [/^must be (?<list>[A-Z_]+ or [A-Z_]+)$/, 'harus {list}'],
  [/^must be an agency code like (?<example>\S+)$/, 'harus berupa kode instansi, mis. {example}'],
  [/^must be an upper-case (service )?code( like (?<example>\S+))?$/, 'harus berupa kode huruf besar'],
  [/^must be a village code like (?<example>\S+)$/, 'harus berupa kode desa, mis. {example}'],
  [/^must be a document code like (?<example>\S+)$/, 'harus berupa kode dokumen, mis. {example}'],
  [/^must list programme codes like (?<example>.+)$/, 'harus berupa kode program, mis. {example}'],
  [/^must be at least (?<n>\d+) characters long$/, 'minimal {n} karakter'],
  [/^must be at most (?<n>\d+) characters long$/, 'maksimal {n} karakter'],
  [/^must be shorter than or equal to (?<n>\d+) characters$/, 'maksimal {n} karakter'],
  // accounts and passwords (apps/gateway/src/users, apps/gateway/src/auth)
  [/^is taken$/, 'sudah dipakai pengguna lain'],
  [/^is wrong$/, 'salah'],
  [/^must differ from the current one$/, 'harus berbeda dari kata sandi saat ini'],
  [/^must not contain the username$/, 'tidak boleh memuat nama pengguna'],
  [/^must not be one character repeated$/, 'tidak boleh satu karakter yang diulang'],
  [/^must be 3–64 characters: .+$/, 'harus 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf'],
  [/^must name at least one role$/, 'pilih minimal satu peran'],
  [/^must not repeat a role$/, 'tidak boleh mengulang peran'],
  [/^each role must be one of (?<list>.+)$/, 'setiap peran harus salah satu dari: {list}'],
  [/^(?<who>\S+) is not an active verifier of your agency$/, '{who} bukan verifikator aktif di instansi Anda'],
  // the NIK and the KK number (libs/domain/src/nik.ts): the rule, never the digits (they reach sigap.rejected)
  [/^area part \(first 6 digits\) is not a valid area code$/, 'kode wilayah (6 digit pertama) tidak valid'],
  [
    /^area part \(first 6 digits\) is not a district \(kecamatan\) of the official Kemendagri list$/,
    'kode wilayah (6 digit pertama) bukan kecamatan dalam daftar resmi Kemendagri',
  ],
  [
    /^birth date part \(digits 7–12\) is not a date DDMMYY.*$/,
    'bagian tanggal lahir (digit 7–12) bukan tanggal HHBBTT (tanggal + 40 untuk perempuan)',
  ],
  [
    /^birth date part \(digits 7–12\) does not match the birth date$/,
    'bagian tanggal lahir (digit 7–12) tidak sesuai dengan tanggal lahir',
  ],
  [
    /^birth date part \(digits 7–12\) gives a date in the future$/,
    'bagian tanggal lahir (digit 7–12) menunjukkan tanggal yang belum lewat',
  ],
  [
    /^birth day part \(digits 7–8\) does not agree with the sex on the form \(day \+ 40 for women\)$/,
    'bagian tanggal lahir (digit 7–8) tidak sesuai dengan jenis kelamin pada formulir (tanggal + 40 untuk perempuan)',
  ],
  [/^serial part \(last 4 digits\) must not be 0000$/, 'nomor urut (4 digit terakhir) tidak boleh 0000'],
  // a filing (apps/intake/src/applications/register-application/submission-checker.ts)
  [/^is not an agency of this installation$/, 'bukan instansi pada instalasi ini'],
  [/^is not a service of this agency$/, 'bukan layanan instansi ini'],
  [/^is closed for new applications at this agency$/, 'ditutup untuk permohonan baru di instansi ini'],
  [/^is not a village \(desa\/kelurahan\) of the official Kemendagri list$/, 'bukan desa/kelurahan dalam daftar resmi Kemendagri'],
  [
    /^must be in the area of the agency: this service is for its residents$/,
    'harus di wilayah instansi: layanan ini hanya untuk penduduknya',
  ],
  [/^the applicant must be at least (?<n>\d+) years old$/, 'pemohon minimal berusia {n} tahun'],
  [
    /^the beneficiary of this service must be under (?<n>\d+) on the filing date$/,
    'penerima manfaat layanan ini harus berusia di bawah {n} tahun pada tanggal pengajuan',
  ],
  [/^the beneficiary of this service must be at least (?<n>\d+)$/, 'penerima manfaat layanan ini minimal berusia {n} tahun'],
  [/^is required for (?<service>[A-Z0-9_]+)$/, 'wajib diisi untuk layanan {service}'],
  [/^is required for (?<service>[A-Z0-9_]+): one of (?<list>.+)$/, 'wajib diisi untuk layanan {service}: salah satu dari {list}'],
  [
    /^the beneficiary of (?<service>\S+) must be under (?<n>\d+) on the filing date \(is (?<age>\d+)\)$/,
    'penerima manfaat {service} harus berusia di bawah {n} tahun pada tanggal pengajuan (usianya {age} tahun)',
  ],
  [
    /^the beneficiary of (?<service>\S+) must be at least (?<n>\d+) \(is (?<age>\d+)\)$/,
    'penerima manfaat {service} minimal berusia {n} tahun (usianya {age} tahun)',
  ],
  [/^of (?<service>\S+) must be one of (?<list>.+)$/, 'untuk layanan {service} harus salah satu dari: {list}'],
  [
    /^(?<service>\S+) has no target groups: leave targetGroup out$/,
    'layanan {service} tidak memiliki kelompok sasaran: kosongkan isian ini',
  ],
  [
    /^target group (?<group>\S+) is for clients at least (?<n>\d+) years old \(the (?<who>\w+) is (?<age>\d+)\)$/,
    'kelompok sasaran {group} untuk usia minimal {n} tahun ({who} berusia {age} tahun)',
  ],
  [
    /^target group (?<group>\S+) is for clients under (?<n>\d+) \(the (?<who>\w+) is (?<age>\d+)\)$/,
    'kelompok sasaran {group} untuk usia di bawah {n} tahun ({who} berusia {age} tahun)',
  ],
  [/^target group (?<group>\S+) is for (?<sex>women|men)$/, 'kelompok sasaran {group} khusus {sex}'],
  // a registry file's rows and the import (apps/verification/src/registry)
  [/^(?<date>\S+) is in the future$/, '{date} adalah tanggal yang akan datang'],
  [/^must be L or P( \(got .*\))?$/, 'harus L atau P'],
  [/^must be at most (?<n>\d+) characters$/, 'maksimal {n} karakter'],
  [/^must be a whole number 1–10 or empty.*$/, 'harus bilangan bulat 1–10 atau kosong'],
  [/^"(?<code>.*)" is not a programme code like PKH.*$/, '"{code}" bukan kode program (mis. PKH; pisahkan dengan ";")'],
  [/^"(?<code>.*)" is not a village code like .*$/, '"{code}" bukan kode desa (mis. 33.04.01.2001)'],
  [/^(?<code>\S+) is outside the agency's area \((?<area>[^)]+)\)$/, '{code} di luar wilayah instansi ({area})'],
  [
    /^(?<code>\S+) is not an agency of this installation that keeps a registry$/,
    '{code} bukan instansi pemegang data DTSEN pada instalasi ini',
  ],
  [/^column (?<column>\S+) is missing$/, 'kolom {column} tidak ada'],
  [/^the file has no header row$/, 'berkas tidak memiliki baris judul'],
  [/^not a readable (?<format>\S+) file$/, 'bukan berkas {format} yang dapat dibaca'],
  [/^interrupted (?<n>\d+) times .*upload the file again$/, 'terputus {n} kali (layanan dimulai ulang saat impor); unggah berkas lagi'],
  // a change of status, the calendar (apps/intake)
  [/^is required for this transition$/, 'wajib diisi untuk perubahan status ini'],
  [/^(?<date>\d{4}-\d{2}-\d{2}) is not a calendar date$/, '{date} bukan tanggal yang ada'],
  [/^must be in (?<year>\d{4})$/, 'harus pada tahun {year}'],
  [/^(?<date>\d{4}-\d{2}-\d{2}) is already in the calendar$/, '{date} sudah ada di kalender'],
  [/^must be a year between (?<from>\d+) and (?<to>\d+)$/, 'harus tahun antara {from} dan {to}'],
  // budget lines, proposals, decrees and recipients (libs/contracts/src/disbursement, apps/disbursement)
  [/^must be a string of whole Rupiah, e\.g\. "(?<example>\d+)"$/, 'harus rupiah utuh tanpa desimal, mis. {example}'],
  [/^must be from (?<from>\d+) to (?<to>\d+)$/, 'harus antara {from} dan {to}'],
  [/^must say why .*\(at least (?<n>\d+) characters\)$/, 'harus menyebutkan alasannya (minimal {n} karakter)'],
  [/^must say why the recipient can never be paid$/, 'harus menyebutkan mengapa penerima tidak dapat dibayar'],
  [/^must say, without personal data, why$/, 'harus menyebutkan alasannya, tanpa data pribadi'],
  [/^must say what was corrected$/, 'harus menyebutkan yang diperbaiki'],
  [/^must be the decree's number$/, 'harus berupa nomor SK'],
  [/^must name who signed$/, 'harus menyebutkan penanda tangan'],
  [/^must be (?<from>\d+) to (?<to>\d+) digits$/, 'harus {from} sampai {to} digit angka'],
  [/^a line for this agency, year, source and programme exists$/, 'pagu untuk instansi, tahun, sumber dana dan program ini sudah ada'],
  [/^is (?<seen>\d+), the line is at version (?<now>\d+)$/, 'pagu telah diubah orang lain (kini versi {now}); muat ulang lalu ulangi'],
  [/^ceiling \d+ is below what is already committed \((?<committed>\d+)\)$/, 'tidak boleh kurang dari yang sudah terikat (Rp {committed})'],
  [/^ceiling must not be negative$/, 'tidak boleh negatif'],
  [/^no such budget line$/, 'pagu tidak ditemukan'],
  [/^belongs to agency (?<agency>\S+)$/, 'milik instansi {agency}'],
  [/^name the applications to propose, or set allEligible$/, 'pilih permohonan yang diusulkan'],
  [/^the pool has none$/, 'tidak ada permohonan terverifikasi yang menunggu'],
  [/^application \S+ is not a verified application of agency (?<agency>\S+)$/, 'bukan permohonan terverifikasi instansi {agency}'],
  [
    /^application \S+: its data has not come from intake yet, try again shortly$/,
    'data permohonan belum masuk dari pendaftaran; coba lagi sebentar lagi',
  ],
  [
    /^application \S+ is for (?<service>\S+), the budget line pays (?<line>\S+)$/,
    'permohonan layanan {service}, sedangkan pagu ini untuk {line}',
  ],
  [/^application \S+ is already in proposal \S+$/, 'sudah ada dalam usulan lain'],
  [
    /^.+ has no benefit amount for target group (?<group>\S+): .*$/,
    'besaran bantuan untuk kelompok sasaran {group} belum ditetapkan di katalog layanan',
  ],
  [/^.+ has no benefit amount: .*$/, 'besaran bantuan layanan ini belum ditetapkan di katalog layanan'],
  [/^is (?<status>DRAFT|SUBMITTED|APPROVED|RETURNED|DECREED)$/, 'status usulan tidak memungkinkan tindakan ini'],
  // the distribution schedule and the handover (libs/contracts/src/disbursement/handover.ts, apps/disbursement/src/domain)
  [/^must be a time HH:MM \(00:00–23:59\)$/, 'harus berupa jam JJ:MM (00:00–23:59)'],
  [/^must be after startTime \((?<start>[^)]+)\)$/, 'harus setelah jam mulai ({start})'],
  [/^must not be before the decree's date \((?<date>[^)]+)\)$/, 'tidak boleh sebelum tanggal SK ({date})'],
  [/^(?<date>\S+) is not a day of the calendar$/, '{date} bukan tanggal yang ada'],
  [/^(?<village>\S+) is scheduled already in entries\[\d+\]$/, '{village} sudah dijadwalkan pada baris lain'],
  [/^(?<village>\S+) has no recipient in this decree$/, '{village} tidak memiliki penerima dalam SK ini'],
  [/^must name where \(at least (?<n>\d+) characters\)$/, 'harus menyebutkan tempatnya (minimal {n} karakter)'],
  [/^must name the lurah the schedule was arranged with$/, 'harus menyebutkan lurah yang menyepakati jadwal'],
  [/^must name who received it$/, 'harus menyebutkan yang menerima'],
  [/^must say how the representative is related to the recipient$/, 'harus menyebutkan hubungan wakil dengan penerima'],
  [/^must be the reference of the (signature|photo)$/, 'harus berupa rujukan berkasnya'],
  [/^is (?<seen>\d+) now$/, 'jadwal telah diubah orang lain (kini versi {seen}); muat ulang lalu ulangi'],
  [/^is HANDED_OVER \((?<bast>[^)]+)\)$/, 'sudah diserahkan ({bast})'],
  [/^is (?<status>PENDING|REQUESTED|FAILED|NOT_PAID)\b.*$/, 'penerima belum dibayar; hanya penerima yang sudah dibayar yang diserahkan'],
];

/** The rule in Bahasa Indonesia, or undefined when it is not one of the known rules. */
export function ruleInIndonesian(rule: string): string | undefined {
  for (const [re, text] of RULES) {
    const m = re.exec(rule);
    if (!m) continue;
    const named: Record<string, string> = { ...m.groups };
    return text.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = /^\d+$/.test(k) ? m[Number(k)] : named[k];
      return v === undefined ? '' : (WORDS[v] ?? v);
    });
  }
  return undefined;
}

/**
 * The rule of a field error without the field's name in front: "nik must be 16 digits" under
 * `applicant.nik` is "must be 16 digits".
 */
export function ruleOf(path: string, message: string): string {
  const names = [
    path,
    path
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? '',
  ].filter(Boolean);
  for (const n of names) if (message.startsWith(`${n} `)) return message.slice(n.length + 1);
  return message;
}
