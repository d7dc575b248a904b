import type { Kysely } from 'kysely'
import { now } from '../clock'
import type { AuditLogTable, AuditRow, Database } from '../db/schema'

export interface AuditEntry {
  actor: string
  subjectType: AuditLogTable['subject_type']
  subjectId: string
  action: string
  detail?: Record<string, unknown>
}

/** Call inside the same transaction as the change it records. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now(),
      actor: entry.actor,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      action: entry.action,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute()
}

export async function auditFor(
  db: Kysely<Database>,
  subjectType: AuditLogTable['subject_type'],
  subjectId: string,
): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute()
}
