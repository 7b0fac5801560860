/**
 * `npm run test:crash`: kills a process saving a ~200 KB vault with SIGKILL at random moments
 * (CRASH_KILLS, default 1000), runs it out of space under `ulimit -f` 50 times, and damages one
 * random byte of a vault 1000 times. Exits nonzero unless every count is clean.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ok } from '../../electron/common/result';
import { createFileKeyProvider } from '../support/doubles/file-key-provider';
import { Vault, VAULT_FILE } from '../../electron/main/vault/vault';
import { AppFailure } from '../../electron/common/result';
import { crashCodec, type CrashDoc } from './crash-doc';
import { childCommand } from './child-command';

const KILLS = Number(process.env.CRASH_KILLS ?? 1000);
const DISK_FULL_RUNS = Number(process.env.CRASH_DISK_FULL_RUNS ?? 50);
const CORRUPTIONS = Number(process.env.CRASH_CORRUPTIONS ?? 1000);
const FILLER = randomBytes(150 * 1024).toString('base64'); // ~200 KB of JSON

const root = mkdtempSync(join(tmpdir(), 'closeout-crash-'));
const keyFile = join(root, 'keychain', 'key');
const clock = { now: () => Date.now() };

function vaultAt(dir: string): Vault<CrashDoc> {
  return new Vault({ dataDir: dir, keyProvider: createFileKeyProvider(keyFile), clock, codec: crashCodec });
}

async function setUp(dir: string, seq: number): Promise<void> {
  const v = vaultAt(dir);
  await v.create({ mode: 'keychain' });
  const r = await v.update(() => ok({ doc: { seq, filler: FILLER }, value: null }));
  if (!r.ok) throw new Error(`set-up save failed: ${r.error.code}`);
}

/** Opens the vault as the app would after a crash; returns its state or the error code. */
async function openState(dir: string): Promise<{ seq: number; filler: string } | { error: string }> {
  const v = vaultAt(dir);
  try {
    const status = await v.open();
    if (status.recovery) return { error: `recovery offered: ${status.recovery.problem}` };
    await v.unlock({});
    return v.read();
  } catch (e) {
    return { error: e instanceof AppFailure ? e.code : String(e) };
  }
}

const startup: number[] = [];
const temps = (dir: string) => readdirSync(dir).filter((f) => f.includes('.tmp-'));

interface ChildRun {
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Spawns the child; `onReady` runs when it printed "ready", and may kill it. */
function runChild(
  argv: string[],
  limitKb?: number,
  onReady?: (kill: () => void) => void,
  killAfterSpawnMs?: number,
): Promise<ChildRun> {
  const { command, args } = childCommand(root, argv, limitKb);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (killAfterSpawnMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterSpawnMs);
    const lines: string[] = [];
    let buf = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        if (line.startsWith('ready ')) {
          startup.push(performance.now() - started);
          onReady?.(() => child.kill('SIGKILL'));
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL' && stderr) process.stderr.write(stderr.slice(0, 2000));
      resolve({ lines, code, signal });
    });
  });
}

async function killRuns(): Promise<{ kills: number; corrupt: number; lost: number; saves: number }> {
  const dir = join(root, 'kills');
  await setUp(dir, 0);
  let acked = 0;
  let corrupt = 0;
  let lost = 0;
  let kills = 0;
  for (let i = 0; i < KILLS; i++) {
    // Mostly while saving; one in ten anywhere from start-up (open, temp sweep, unlock) onwards.
    const early = i % 10 === 9;
    const run = await runChild(
      [dir, keyFile, 'loop'],
      undefined,
      early ? undefined : (kill) => setTimeout(kill, randomInt(0, 40)),
      early ? randomInt(0, 400) : undefined,
    );
    if (run.signal !== 'SIGKILL') {
      corrupt++;
      console.error(
        `run ${i}: child ended without being killed (code ${run.code}): ${run.lines.slice(-2).join(' | ')}`,
      );
      continue;
    }
    kills++;
    for (const line of run.lines) {
      const m = /^saved (\d+)$/.exec(line);
      if (m) acked = Math.max(acked, Number(m[1]));
    }
    const state = await openState(dir);
    const leftovers = temps(dir);
    if ('error' in state || state.filler !== FILLER || leftovers.length > 0) {
      corrupt++;
      console.error(
        `kill ${i}: ${'error' in state ? state.error : 'content changed'}; temp files: ${leftovers.length}`,
      );
      if ('error' in state) break;
    } else if (state.seq === acked || state.seq === acked + 1) {
      acked = state.seq;
    } else {
      lost++;
      console.error(`kill ${i}: opened seq ${state.seq}, last acknowledged save was ${acked}`);
      acked = state.seq;
    }
    if ((i + 1) % 100 === 0) console.log(`  ${i + 1} kills, last saved state ${acked}`);
  }
  return { kills, corrupt, lost, saves: acked };
}

async function diskFullRuns(): Promise<{ runs: number; reported: number; intact: number }> {
  let reported = 0;
  let intact = 0;
  for (let i = 0; i < DISK_FULL_RUNS; i++) {
    const dir = join(root, `full-${i}`);
    await setUp(dir, 1000 + i);
    // The new document is ~400 KB; the limit cuts the write somewhere between 16 KB and 390 KB.
    const run = await runChild([dir, keyFile, 'grow', String(400 * 1024)], randomInt(16, 390));
    const result = run.lines.find((l) => l.startsWith('result '))?.slice(7);
    if (result === 'vault.disk-full') reported++;
    else
      console.error(
        `disk-full run ${i}: child said ${result ?? `nothing (code ${run.code}, signal ${run.signal})`}`,
      );
    const state = await openState(dir);
    if (!('error' in state) && state.seq === 1000 + i && state.filler === FILLER && temps(dir).length === 0)
      intact++;
    else
      console.error(
        `disk-full run ${i}: previous state not intact: ${'error' in state ? state.error : state.seq}`,
      );
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs: DISK_FULL_RUNS, reported, intact };
}

async function corruptionRuns(): Promise<{ runs: number; clear: number; silent: number }> {
  const source = join(root, 'pristine');
  await setUp(source, 7);
  const pristine = readFileSync(join(source, VAULT_FILE));
  let clear = 0;
  let silent = 0;
  for (let i = 0; i < CORRUPTIONS; i++) {
    const dir = join(root, 'corrupt');
    rmSync(dir, { recursive: true, force: true });
    const bytes = Buffer.from(pristine);
    const at = randomInt(0, bytes.length);
    bytes[at] = bytes[at]! ^ randomInt(1, 256);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, VAULT_FILE), bytes);
    const v = vaultAt(dir);
    let code: string | null = null;
    try {
      const status = await v.open();
      if (status.recovery) code = `recovery:${status.recovery.problem}`;
      else await v.unlock({});
    } catch (e) {
      code = e instanceof AppFailure ? e.code : `unexpected: ${String(e)}`;
    }
    const quarantined = readdirSync(dir).find((f) => f.includes('.quarantine-'));
    const kept = quarantined ? readFileSync(join(dir, quarantined)).equals(bytes) : false;
    const clean =
      code !== null &&
      /^(recovery:(corrupt|tampered)|vault\.(corrupt|tampered))$/.test(code) &&
      !v.isUnlocked() &&
      kept;
    if (clean) clear++;
    else {
      if (v.isUnlocked() || code === null) silent++;
      console.error(
        `corruption ${i} at byte ${at}: ${code ?? 'opened without error'}; quarantined copy kept: ${kept}`,
      );
    }
  }
  return { runs: CORRUPTIONS, clear, silent };
}

try {
  const t0 = Date.now();
  const k = await killRuns();
  console.log(
    `${k.kills} kills, ${k.corrupt} corrupt, ${k.lost} lost (${k.saves} saves acknowledged, ${((Date.now() - t0) / 1000).toFixed(0)} s)`,
  );
  const d = await diskFullRuns();
  console.log(
    `${d.reported} of ${d.runs} disk-full runs reported an error, ${d.intact} of ${d.runs} opened the previous state intact`,
  );
  const c = await corruptionRuns();
  console.log(`${c.runs} single-byte corruptions, ${c.clear} clear errors, ${c.silent} silent resets`);
  const median = [...startup].sort((a, b) => a - b)[Math.floor(startup.length / 2)] ?? 0;
  console.log(
    `(${((Date.now() - t0) / 1000).toFixed(0)} s; median child start to ready ${median.toFixed(0)} ms)`,
  );
  const failed =
    k.kills !== KILLS ||
    k.corrupt ||
    k.lost ||
    d.reported !== d.runs ||
    d.intact !== d.runs ||
    c.clear !== c.runs ||
    c.silent;
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(root, { recursive: true, force: true });
}
