import type { Clock } from '../../common/clock';
import type { MailPhase, MailProgress } from '../../common/contract/mail';
import type { ExportProgressState } from './export-protocol';

const WINDOW_MS = 5000;
const EMIT_EVERY_MS = 250;

/** Counts what is done, derives rate and time left over a sliding window, and throttles events. */
export class ProgressTracker {
  phase: MailPhase = 'connecting';
  foldersDone = 0;
  foldersTotal = 0;
  currentFolder: string | null = null;
  messagesDone = 0;
  messagesTotal = 0;
  bytesDone = 0;
  bytesTotal = 0;
  private samples: { t: number; bytes: number; messages: number }[] = [];
  private fetchedBytes = 0;
  private fetchedMessages = 0;
  private lastEmit = 0;
  readonly startedAt: number;

  constructor(
    private readonly jobId: string,
    private readonly clock: Clock,
    private readonly sink: (p: MailProgress, force: boolean) => void,
  ) {
    this.startedAt = clock.now();
  }

  /** Messages found already saved by an earlier run. */
  alreadySaved(messages: number, bytes: number): void {
    this.messagesDone += messages;
    this.bytesDone += bytes;
  }

  fetched(messages: number, bytes: number): void {
    this.messagesDone += messages;
    this.bytesDone += bytes;
    this.fetchedMessages += messages;
    this.fetchedBytes += bytes;
    this.emit();
  }

  get fetchedTotals(): { messages: number; bytes: number } {
    return { messages: this.fetchedMessages, bytes: this.fetchedBytes };
  }

  /** What `mirror` needs besides a snapshot (the export's worker sends both). */
  fetchedState(): Omit<ExportProgressState, 'snapshot'> {
    return { fetchedMessages: this.fetchedMessages, fetchedBytes: this.fetchedBytes };
  }

  /**
   * Takes over the state of a tracker in the export's worker thread and passes its snapshot on
   * (already throttled there) under this tracker's job id.
   */
  mirror(state: ExportProgressState, force = false): void {
    const p = state.snapshot;
    this.phase = p.phase;
    this.foldersDone = p.foldersDone;
    this.foldersTotal = p.foldersTotal;
    this.currentFolder = p.currentFolder;
    this.messagesDone = p.messagesDone;
    this.messagesTotal = p.messagesTotal;
    this.bytesDone = p.bytesDone;
    this.bytesTotal = p.bytesTotal;
    this.fetchedMessages = state.fetchedMessages;
    this.fetchedBytes = state.fetchedBytes;
    this.lastEmit = this.clock.now();
    this.sink({ ...p, jobId: this.jobId }, force);
  }

  snapshot(): MailProgress {
    const now = this.clock.now();
    this.samples.push({ t: now, bytes: this.fetchedBytes, messages: this.fetchedMessages });
    while (this.samples.length > 2 && now - this.samples[0]!.t > WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (now - first.t) / 1000;
    const bytesPerSecond = seconds > 0 ? (this.fetchedBytes - first.bytes) / seconds : 0;
    const messagesPerSecond = seconds > 0 ? (this.fetchedMessages - first.messages) / seconds : 0;
    const leftMessages = Math.max(0, this.messagesTotal - this.messagesDone);
    const leftBytes = Math.max(0, this.bytesTotal - this.bytesDone);
    let etaSeconds: number | null = null;
    if (leftMessages === 0) etaSeconds = 0;
    else if (bytesPerSecond > 0 && messagesPerSecond > 0) {
      etaSeconds = Math.ceil(Math.max(leftBytes / bytesPerSecond, leftMessages / messagesPerSecond));
    }
    return {
      jobId: this.jobId,
      phase: this.phase,
      foldersDone: this.foldersDone,
      foldersTotal: this.foldersTotal,
      currentFolder: this.currentFolder,
      messagesDone: this.messagesDone,
      messagesTotal: Math.max(this.messagesTotal, this.messagesDone),
      bytesDone: this.bytesDone,
      bytesTotal: Math.max(this.bytesTotal, this.bytesDone),
      bytesPerSecond: Math.round(bytesPerSecond),
      messagesPerSecond: Math.round(messagesPerSecond * 10) / 10,
      etaSeconds,
    };
  }

  emit(force = false): void {
    const now = this.clock.now();
    if (!force && now - this.lastEmit < EMIT_EVERY_MS) return;
    this.lastEmit = now;
    this.sink(this.snapshot(), force);
  }
}
