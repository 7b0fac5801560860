/**
 * The `discovery:*` channels. A scan reads headers only, from IMAP or a Maildir, into the pure
 * aggregator; the last results per plan are kept in memory for this session (they hold mail
 * subjects, and the vault document has no section for them). Adding goes through the plan reducer.
 */
import type { ImapFlow } from 'imapflow';
import type {
  DiscoveryAddResult,
  DiscoveryProgress,
  DiscoveryResults,
  DiscoverySource,
} from '../../../common/contract/discovery';
import type { MailAccount } from '../../../common/contract/mail';
import { DiscoveryAggregator } from '../../../common/discovery/aggregate';
import type { Finding } from '../../../common/discovery/types';
import type { Plan } from '../../../common/model/plan';
import { AppFailure, err, ok, type Result } from '../../../common/result';
import type { Service, ServiceContext } from '../../services/context';
import type { PlanService } from '../../services/plan-service';
import { closeSession, openSession, requireServer } from '../connection';
import { scanImap } from './imap-source';
import { scanMaildir } from './maildir-source';
import { addCommand, serviceLink, siteLink, withLinks } from './plan-link';

export type DiscoveryChannel = 'discovery:scan' | 'discovery:cancel' | 'discovery:results' | 'discovery:add';

interface StoredResults extends Omit<DiscoveryResults, 'findings'> {
  findings: Finding[];
}

/** Progress events at most this often (in messages), plus at every folder and batch boundary. */
const PROGRESS_EVERY = 1000;

export interface DiscoveryServiceOptions {
  /**
   * The mail service's kept code (session or vault) for `useSavedCode` scans; it throws when the
   * code was kept for another server than the account's.
   */
  savedCode?: (account: MailAccount) => Promise<string | null>;
  /** An extra CA certificate (PEM) to trust: tests and the harness only; never reachable from a channel. */
  trustedCa?: string;
  /**
   * Whether a Maildir the page names may be read for this plan: chosen in main's dialog for the
   * scan this session (or a folder within it), or within the plan's recorded backup folder.
   */
  mayScan: (planId: string, path: string) => Promise<boolean>;
}

export function createDiscoveryService(
  ctx: Pick<ServiceContext, 'clock' | 'emit' | 'appInfo' | 'store'>,
  plans: Pick<PlanService, 'apply'>,
  options: DiscoveryServiceOptions,
): Service<DiscoveryChannel> {
  const running = new Map<string, { cancelled: boolean }>();
  const last = new Map<string, StoredResults>();

  const planOf = (planId: string): Plan => {
    const plan = ctx.store.read().plans.find((p) => p.id === planId);
    if (!plan) throw new AppFailure('plan.not-found', `No plan ${planId}`, { id: planId });
    return plan;
  };
  const currentPlan = (planId: string): Plan | null => {
    try {
      return ctx.store.isUnlocked() ? (ctx.store.read().plans.find((p) => p.id === planId) ?? null) : null;
    } catch {
      return null;
    }
  };
  const present = (r: StoredResults): DiscoveryResults => ({
    ...r,
    findings: withLinks(r.findings, currentPlan(r.planId)),
  });
  const nowIso = () => new Date(ctx.clock.now()).toISOString();

  // The same code and the same error as the mail backup's "use the saved code".
  const codeFor = async (source: Extract<DiscoverySource, { kind: 'imap' }>): Promise<string> => {
    const code = source.authCode ?? (await options.savedCode?.(source.account)) ?? null;
    if (!code) throw new AppFailure('mail.code-required', 'Enter the client authorization code');
    return code;
  };

  async function scan(planId: string, source: DiscoverySource): Promise<Result<DiscoveryResults>> {
    const plan = planOf(planId);
    if (running.has(planId)) return err('discovery.busy', 'A scan is already running for this plan');
    if (source.kind === 'maildir' && !(await options.mayScan(planId, source.path)))
      return err('discovery.unknown-folder', 'Only a folder chosen in the dialog or recorded for the plan');
    const job = { cancelled: false };
    running.set(planId, job);
    const startedAt = nowIso();
    const self = [plan.address, ...(source.kind === 'imap' ? [source.account.address] : [])];
    const agg = new DiscoveryAggregator(self);
    const progress: DiscoveryProgress = {
      planId,
      phase: 'connecting',
      foldersDone: 0,
      foldersTotal: 0,
      currentFolder: null,
      messagesDone: 0,
      messagesTotal: 0,
      accountsSoFar: 0,
    };
    const emit = (counting = false) => {
      progress.messagesDone = agg.messages;
      if (counting) progress.accountsSoFar = agg.findings().filter((f) => f.hasAccount).length;
      ctx.emit('discovery:progress', { ...progress });
    };
    const onHeader = (block: Buffer) => {
      agg.addHeaderBlock(block);
      if (agg.messages % PROGRESS_EVERY === 0) emit();
    };
    let client: ImapFlow | null = null;
    try {
      emit();
      let report: {
        folders: number;
        skippedFolders: string[];
        skippedEntries?: DiscoveryResults['skippedEntries'];
        cancelled: boolean;
      };
      if (source.kind === 'imap') {
        const server = requireServer(source.account);
        const authCode = await codeFor(source);
        client = await openSession(
          {
            server,
            user: source.account.address,
            authCode,
            ...(options.trustedCa ? { ca: options.trustedCa } : {}),
          },
          ctx.appInfo,
        );
        progress.phase = 'listing';
        emit();
        report = await scanImap(client, {
          onFolders: (folders) => {
            progress.foldersTotal = folders.length;
            progress.phase = 'scanning';
          },
          onFolder: (folder, i) => {
            progress.foldersDone = i;
            progress.currentFolder = folder.name;
            progress.messagesTotal += folder.messages;
            emit(true);
          },
          onHeader,
          onBatch: () => emit(true),
          cancelled: () => job.cancelled,
        });
      } else {
        progress.phase = 'scanning';
        report = await scanMaildir(source.path, {
          onFolder: (folder, i, total, messages) => {
            progress.foldersDone = i;
            progress.foldersTotal = total;
            progress.currentFolder = folder.name;
            progress.messagesTotal += messages;
            emit(true);
          },
          onHeader,
          cancelled: () => job.cancelled,
        });
      }
      progress.phase = 'classifying';
      progress.foldersDone = report.folders;
      progress.currentFolder = null;
      emit(true);
      const stored: StoredResults = {
        planId,
        source: { kind: source.kind, label: source.kind === 'imap' ? source.account.address : source.path },
        startedAt,
        finishedAt: nowIso(),
        cancelled: report.cancelled,
        folders: report.folders,
        skippedFolders: report.skippedFolders,
        skippedEntries: report.skippedEntries ?? { count: 0, samples: [] },
        messages: agg.messages,
        unreadable: agg.skipped,
        findings: agg.findings(),
      };
      last.set(planId, stored);
      return ok(present(stored));
    } finally {
      running.delete(planId);
      if (client) await closeSession(client);
    }
  }

  // Adds are serialised, so "is it in the plan?" and "add it" happen as one step even when the
  // user clicks twice; the plan service saves durably and sends plan:changed.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  };

  async function add(
    planId: string,
    findingId: string,
    as: 'service' | 'site',
    category?: Parameters<typeof addCommand>[3],
  ): Promise<Result<DiscoveryAddResult>> {
    const results = last.get(planId);
    if (!results) return err('discovery.no-results', 'Scan the mailbox first');
    const finding = results.findings.find((f) => f.id === findingId);
    if (!finding)
      return err('discovery.unknown-finding', 'That finding is not in the last results', { findingId });
    const addable =
      as === 'service'
        ? finding.kind === 'netease' && finding.verdict !== 'netease-passport'
        : // Phishing and platforms mailing for others are never a site to change the address at.
          !['personal', 'netease-passport', 'suspicious', 'on-behalf'].includes(finding.verdict);
    if (!addable)
      return err('discovery.not-addable', `This finding cannot be added as a ${as}`, {
        as,
        verdict: finding.verdict,
      });
    const existing = (plan: Plan) =>
      as === 'service' ? serviceLink(finding, plan) : siteLink(finding, plan);
    return serial(async (): Promise<Result<DiscoveryAddResult>> => {
      const before = existing(planOf(planId));
      if (before) return ok({ status: 'already', link: before });
      const r = await plans.apply(addCommand(finding, planId, as, category));
      if (!r.ok) return r;
      const link = r.value.view ? existing(r.value.view.plan) : null;
      return link
        ? ok({ status: 'added', link })
        : err('discovery.not-addable', 'The plan did not take the item');
    });
  }

  return {
    handlers: {
      'discovery:scan': ({ planId, source }) => scan(planId, source),
      'discovery:cancel': ({ planId }) => {
        const job = running.get(planId);
        if (job) job.cancelled = true;
        return ok({ cancelling: Boolean(job) });
      },
      'discovery:results': ({ planId }) => {
        const r = last.get(planId);
        return ok(r ? present(r) : null);
      },
      'discovery:add': ({ planId, findingId, as, category }) => add(planId, findingId, as, category),
    },
    close() {
      for (const job of running.values()) job.cancelled = true;
      last.clear();
    },
  };
}
