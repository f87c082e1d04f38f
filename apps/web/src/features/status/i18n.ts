import { defineTexts } from '../../shared/i18n/texts';

export const statusTexts = defineTexts(
  {
    'status.title': 'Cek Status Permohonan',
    'status.subtitle': 'Masukkan nomor tiket yang tertera pada tanda terima permohonan Anda.',
    'status.ticket': 'Nomor tiket',
    'status.ticketPlaceholder': 'contoh: SANTUNAN_ANAK-33.04-2026-000123',
    'status.ticketRequired': 'Masukkan nomor tiket.',
    'status.ticketInvalid': 'Format nomor tiket tidak sesuai, contoh: SANTUNAN_ANAK-33.04-2026-000123.',
    'status.check': 'Cek status',
    'status.notFound.title': 'Nomor tiket tidak ditemukan',
    'status.notFound.text': 'Tidak ada permohonan dengan nomor tiket {ticket}. Periksa kembali nomor pada tanda terima Anda, atau hubungi petugas front office.',
    'status.current': 'Status saat ini',
    'status.timeline': 'Riwayat permohonan',
    'status.free': 'Seluruh layanan Dinas Sosial tidak dipungut biaya. Jangan memberikan uang kepada siapa pun.',
    'status.privacy': 'Halaman ini tidak menampilkan data pribadi.',
    'status.staffLogin': 'Masuk sebagai petugas',
  },
  {
    'status.title': 'Check an Application\'s Status',
    'status.subtitle': 'Enter the ticket number printed on your application receipt.',
    'status.ticket': 'Ticket number',
    'status.ticketPlaceholder': 'e.g. SANTUNAN_ANAK-33.04-2026-000123',
    'status.ticketRequired': 'Enter a ticket number.',
    'status.ticketInvalid': 'That is not a ticket number; it looks like SANTUNAN_ANAK-33.04-2026-000123.',
    'status.check': 'Check status',
    'status.notFound.title': 'Ticket number not found',
    'status.notFound.text': 'There is no application with ticket number {ticket}. Check the number on your receipt, or ask the front office.',
    'status.current': 'Current status',
    'status.timeline': 'Timeline',
    'status.free': 'Every service of the social affairs department is free of charge. Never pay anyone for it.',
    'status.privacy': 'This page shows no personal data.',
    'status.staffLogin': 'Staff login',
  },
);

/** What happens next and whom to contact (issue 11). */
export const statusContactTexts = defineTexts(
  {
    'status.next.title': 'Langkah berikutnya',
    'status.next.closed': 'Permohonan ini sudah selesai diproses; tidak ada langkah lagi.',
    'status.next.unknown': 'Petugas sedang memproses permohonan Anda.',
    'status.contact.title': 'Hubungi',
    'status.contact.address': 'Alamat',
    'status.contact.phone': 'Telepon',
    'status.contact.email': 'Surel',
    'status.contact.hours': 'Jam layanan',
    'status.contact.none': 'Datang ke loket front office {agency} dengan membawa tanda terima.',
    'status.contact.bring': 'Sebutkan nomor tiket Anda saat menghubungi petugas.',
  },
  {
    'status.next.title': 'What happens next',
    'status.next.closed': 'This application has been dealt with; nothing more will happen.',
    'status.next.unknown': 'Staff are working on your application.',
    'status.contact.title': 'Contact',
    'status.contact.address': 'Address',
    'status.contact.phone': 'Phone',
    'status.contact.email': 'E-mail',
    'status.contact.hours': 'Office hours',
    'status.contact.none': 'Come to the front office of {agency} with your receipt.',
    'status.contact.bring': 'Give your ticket number when you contact the staff.',
  },
);
