// Typed publishing is a compile-time property: `npm test` runs tsc before jest, and each
// `@ts-expect-error` below fails that compilation the day the line it marks compiles (i.e. the
// day the outbox accepts a payload that is not its subject's class).
import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { Subjects } from '#contracts';
import type { ConsumeContext } from './consume.decorator.js';
import type { OutboxService } from './outbox.service.js';

const opened = { caseId: 'c', applicationId: 'a', agencyCode: '35.78' };
const decided = { applicationId: 'a', outcome: 'VERIFIED' as const };

/** Never called: only compiled. */
export function publishingThatMustNotCompile(outbox: OutboxService, m: EntityManager, ctx: ConsumeContext): void {
  void outbox.enqueue(m, Subjects.verificationCaseOpened, opened);
  void outbox.enqueue(m, Subjects.verificationCaseDecided, decided);
  void outbox.enqueueMany(m, [
    { subject: Subjects.verificationCaseOpened, payload: opened },
    { subject: Subjects.verificationCaseDecided, payload: decided },
  ]);
  void ctx.publish(Subjects.verificationCaseDecided, decided);

  // @ts-expect-error -- the payload of another subject's class
  void outbox.enqueue(m, Subjects.verificationCaseOpened, decided);
  // @ts-expect-error -- a required field missing (agencyCode)
  void outbox.enqueue(m, Subjects.verificationCaseOpened, { caseId: 'c', applicationId: 'a' });
  // @ts-expect-error -- a field of the wrong type
  void outbox.enqueue(m, Subjects.verificationCaseDecided, { applicationId: 'a', outcome: 'MAYBE' });
  // @ts-expect-error -- a subject no Sigap service publishes (inbound events are the outside systems')
  void outbox.enqueue(m, Subjects.extApplicationSubmitted, opened);
  // @ts-expect-error -- a subject as a plain string: unknown at compile time
  void outbox.enqueue(m, 'sigap.verification.case.opened.v1' as string, opened);
  // @ts-expect-error -- in a list, each event is checked against its own subject
  void outbox.enqueueMany(m, [{ subject: Subjects.verificationCaseDecided, payload: opened }]);
  // @ts-expect-error -- the consume context publishes under the same map
  void ctx.publish(Subjects.verificationCaseOpened, decided);
}

describe('typed publishing', () => {
  it('is checked by the compiler (the @ts-expect-error lines above)', () => {
    expect(typeof publishingThatMustNotCompile).toBe('function');
  });
});
