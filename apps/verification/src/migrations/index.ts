import { CreateCases1764200000000 } from './1764200000000-create-cases.js';
import { Registry1764400000000 } from './1764400000000-registry.js';
import { CaseVerification1764500000000 } from './1764500000000-case-verification.js';
import { RegistryAnnounced1764600000000 } from './1764600000000-registry-announced.js';
import { CasesAwaitingDossier1764700000000 } from './1764700000000-cases-awaiting-dossier.js';
import { EligibilityPerAgency1764800000000 } from './1764800000000-eligibility-per-agency.js';
import { RegistryKeysCollateC1764900000000 } from './1764900000000-registry-keys-collate-c.js';
import { RegistryAnnouncedDigest1765050000000 } from './1765050000000-registry-announced-digest.js';
import { RegistryImportConfirmation1765310000000 } from './1765310000000-registry-import-confirmation.js';
import { EligibilityOneOwner1766200000000 } from './1766200000000-eligibility-one-owner.js';
import { RuleSettlements1766200000001 } from './1766200000001-rule-settlements.js';
import { VisitAttachments1766700000000 } from './1766700000000-visit-attachments.js';

/** Verification's migrations, in order (after libs/messaging's outbox and inbox). */
export const VERIFICATION_MIGRATIONS = [
  CreateCases1764200000000,
  Registry1764400000000,
  CaseVerification1764500000000,
  RegistryAnnounced1764600000000,
  CasesAwaitingDossier1764700000000,
  EligibilityPerAgency1764800000000,
  RegistryKeysCollateC1764900000000,
  RegistryAnnouncedDigest1765050000000,
  RegistryImportConfirmation1765310000000,
  EligibilityOneOwner1766200000000,
  RuleSettlements1766200000001,
  VisitAttachments1766700000000,
];
