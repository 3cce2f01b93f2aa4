import type { ListedWaitingCase, WaitingLists } from '../../domain/cases/agent-actions';
import { waitingDueAt } from '../../domain/cases/escalation';
import { lifecycleStatus } from '../../domain/cases/follow-up';
import type { CaseLifecycleStore } from '../../domain/store-ports';
import type { CaseTaskItems } from '../dynamodb/case-task-items';
import { AFTER_EVERY_KEY } from './task-sweep';

/** A waiting case in AWS: its listing fields and the Connect task that carries it. */
export interface QueuedTaskCase extends ListedWaitingCase {
  readonly language: string;
  /** Connect's ContactId of the waiting task. */
  readonly contactId: string;
}

/**
 * The waiting lists in AWS: Amazon Connect holds the queues, and our task bookkeeping knows which
 * case each waiting task carries. Reads at most `limit` open tasks (oldest news first) and lists
 * the queued ones whose case still waits, with the case's own priority and due time, so the
 * listing orders them as the escalation sweep routes them.
 */
export class QueuedTaskCases implements WaitingLists {
  constructor(
    private readonly tasks: Pick<CaseTaskItems, 'listOpenPage'>,
    private readonly cases: Pick<CaseLifecycleStore, 'getCase'>,
    private readonly limit: number,
  ) {}

  async listAll(): Promise<Record<string, QueuedTaskCase[]>> {
    const lists: Record<string, QueuedTaskCase[]> = {};
    for (const task of await this.openTasks()) {
      if (task.state !== 'queued') continue;
      const kase = await this.cases.getCase(task.caseNumber);
      if (!kase || lifecycleStatus(kase.status) !== 'waiting') continue;
      const list = lists[task.queue] ?? [];
      list.push({
        caseNumber: kase.caseNumber,
        queue: task.queue,
        language: kase.language,
        priority: kase.priority,
        topic: kase.topic,
        dueAt: waitingDueAt(kase),
        waitingSince: task.enqueuedAt,
        contactCount: kase.contactCount,
        firstResponseDueAt: kase.firstResponseDueAt,
        resolutionDueAt: kase.resolutionDueAt,
        contactId: task.contactId,
      });
      lists[task.queue] = list;
    }
    return lists;
  }

  private async openTasks() {
    const tasks = [];
    let cursor: string | undefined;
    do {
      const page = await this.tasks.listOpenPage(AFTER_EVERY_KEY, this.limit - tasks.length, cursor);
      tasks.push(...page.tasks);
      cursor = page.next;
    } while (cursor && tasks.length < this.limit);
    return tasks;
  }
}
