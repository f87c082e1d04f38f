/** The documents of disbursement: pure functions of their input (no database, no NATS). See README.md here. */
export * from './format.js';
export * from './decree.js';
export * from './decree-pdf.js';
export * from './decree-xlsx.js';
export * from './bank-files.js';
export * from './bank-answer.js';
export * from './realisation-xlsx.js';
