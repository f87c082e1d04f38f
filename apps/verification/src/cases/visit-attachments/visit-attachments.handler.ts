import { Injectable } from '@nestjs/common';
import { ATTACHMENT_CONTENT_TYPES, type Actor, type VisitAttachmentView } from '#contracts';
import { covers } from '#domain';
import { DomainError, requireCanChange, requireRole } from '#platform';
import { attachRefusal } from '../../domain/field-officer.js';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { CaseRepository, type Sql, type TaskRow } from '../case.repository.js';
import { attachmentView } from '../case.views.js';
import { visibleTask } from '../field-tasks.js';

/** What the gateway learns before it stores a byte: the task's agency and ticket, for the audit trail. */
export interface AttachmentGrant {
  taskId: string;
  agencyCode: string;
  ticketNumber: string | null;
}

/** A stored attachment and where its bytes are, for an actor who may open it. */
export interface AttachmentLocation extends VisitAttachmentView {
  objectName: string;
  agencyCode: string;
  ticketNumber: string | null;
}

/**
 * A field visit's photos and documents (issue 11). The gateway streams the bytes into the Object
 * Store; verification decides who may add one (asked before a byte is stored, and again when the
 * reference is kept), keeps the reference, and says who may open it.
 */
@Injectable()
export class VisitAttachmentsHandler {
  constructor(private readonly cases: CaseRepository) {}

  /** 403/404/409 unless `actor` may add a file to the task now: the assigned verifier, or the agency's head or admin; an open task. */
  private async check(m: Sql, actor: Actor, taskId: string): Promise<TaskRow> {
    const t = await this.cases.task(m, taskId);
    if (!t || !covers(actor, t.agency_code))
      throw new VerificationError(VerificationErrorCode.TaskNotFound, `No field verification task ${taskId}`);
    const refusal = attachRefusal(actor, { agencyCode: t.agency_code, assignee: t.assignee });
    if (refusal === 'ROLE') requireRole(actor, 'VERIFIER', 'HEAD', 'ADMIN');
    if (refusal === 'AGENCY') requireCanChange(actor, t.agency_code, 'this field task');
    if (refusal === 'NOT_ASSIGNED') {
      throw new VerificationError(
        VerificationErrorCode.TaskNotAssignedToYou,
        t.assignee
          ? `Task ${taskId} is assigned to ${t.assignee}: only that officer (or the head) adds its photos and documents`
          : `Task ${taskId} has no officer yet: the head assigns it first`,
      );
    }
    if (t.status !== 'OPEN' && t.status !== 'WAITING')
      throw new VerificationError(VerificationErrorCode.TaskNotOpen, `Task ${taskId} is ${t.status}: no file is added to it`);
    return t;
  }

  async authorize(actor: Actor, taskId: string): Promise<AttachmentGrant> {
    const t = await this.check(this.cases.ds, actor, taskId);
    return { taskId: t.id, agencyCode: t.agency_code, ticketNumber: t.ticket_number ?? null };
  }

  async add(
    actor: Actor,
    taskId: string,
    a: { attachmentId: string; objectName: string; fileName: string; contentType: string; size: number },
  ): Promise<VisitAttachmentView & AttachmentGrant> {
    if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(a.contentType))
      throw DomainError.validation([{ path: 'file', message: `file must be one of ${ATTACHMENT_CONTENT_TYPES.join(', ')}` }]);
    return this.cases.ds.transaction(async (m) => {
      const t = await this.check(m, actor, taskId);
      const row = await this.cases.addAttachment(m, {
        id: a.attachmentId,
        taskId: t.id,
        objectName: a.objectName,
        fileName: a.fileName.slice(0, 200),
        contentType: a.contentType,
        size: a.size,
        uploadedBy: actor.username,
      });
      await this.cases.history(m, t.case_id, actor.username, 'ATTACHMENT_ADDED', {
        taskId: t.id,
        stage: t.stage,
        attachmentId: row.id,
        name: row.file_name,
        contentType: row.content_type,
        size: Number(row.size),
      });
      return { ...attachmentView(row), agencyCode: t.agency_code, ticketNumber: t.ticket_number ?? null };
    });
  }

  /** A stored file of a task, for the staff who read the task's case (VERIFIER, HEAD, ADMIN of an agency that covers it). */
  async get(actor: Actor, taskId: string, attachmentId: string): Promise<AttachmentLocation> {
    requireRole(actor, 'VERIFIER', 'HEAD', 'ADMIN');
    const t = await visibleTask(this.cases, actor, taskId);
    const a = await this.cases.attachment(this.cases.ds, t.id, attachmentId);
    if (!a) throw new VerificationError(VerificationErrorCode.AttachmentNotFound, `No attachment ${attachmentId} of task ${taskId}`);
    return { ...attachmentView(a), objectName: a.object_name, agencyCode: t.agency_code, ticketNumber: t.ticket_number ?? null };
  }
}
