/**
 * Discovery accuracy (issues 7 and 16): the classifier on the labelled corpus
 * (tests/fixtures/discovery), with no server and no timing, so it runs anywhere in a second:
 * `npm run bench discovery-accuracy`. Prints account precision and recall, NetEase recall by
 * product, phishing and fake-registration senders taken for accounts (the bar is none), false
 * alarms, platforms mailing for others, and the result per sender kind.
 */
import { evaluate } from '../tests/fixtures/discovery/evaluate';

const BAR = { precision: 0.97, recall: 0.97, netease: 0.95 };

export default async function discoveryAccuracyBench(): Promise<void> {
  const e = evaluate();
  const deceptive = e.scored.filter((s) => ['phishing', 'fake-registration'].includes(s.sender.kind));
  const alarms = e.scored.filter(
    (s) => !['phishing', 'fake-registration'].includes(s.sender.kind) && s.finding?.verdict === 'suspicious',
  );
  const ok = (v: boolean) => (v ? 'yes' : 'NO');
  console.log('Classifier on the labelled corpus (tests/fixtures/discovery):');
  console.log('| measure | value | bar | met |');
  console.log('|---|---|---|---|');
  console.log(
    `| senders (messages) | ${e.scored.length} (${e.scored.reduce((n, s) => n + s.sender.messages.length, 0)}) | | |`,
  );
  console.log(
    `| account precision (TP ${e.tp}, FP ${e.fp}) | ${e.precision.toFixed(3)} | ≥ ${BAR.precision} | ${ok(e.precision >= BAR.precision)} |`,
  );
  console.log(
    `| account recall (TP ${e.tp}, FN ${e.fn}) | ${e.recall.toFixed(3)} | ≥ ${BAR.recall} | ${ok(e.recall >= BAR.recall)} |`,
  );
  console.log(
    `| NetEase recall by product (${e.netease.found} of ${e.netease.n}) | ${e.netease.recall.toFixed(3)} | ≥ ${BAR.netease} | ${ok(e.netease.recall >= BAR.netease)} |`,
  );
  console.log(
    `| phishing / fake-registration senders called accounts (of ${deceptive.length}) | ${e.deceptiveAsAccount.length} | 0 | ${ok(e.deceptiveAsAccount.length === 0)} |`,
  );
  console.log(
    `| phishing / fake-registration senders flagged suspicious | ${e.suspicious.flagged} of ${e.suspicious.n} | | |`,
  );
  console.log(`| other senders flagged suspicious (false alarms) | ${alarms.length} | | |`);
  console.log(`| platforms given the on-behalf verdict | ${e.onBehalf.verdict} of ${e.onBehalf.n} | | |`);
  console.log(
    `| ... naming the merchant their mail names | ${e.onBehalf.merchant} of ${e.onBehalf.merchants} | | |`,
  );
  if (e.netease.missed.length)
    console.log(`\nNetEase senders not found as their product: ${e.netease.missed.join('; ')}`);
  if (e.deceptiveAsAccount.length)
    console.log(`Deceptive senders called accounts: ${e.deceptiveAsAccount.join(', ')}`);
  if (alarms.length) console.log(`False alarms: ${alarms.map((s) => s.sender.id).join(', ')}`);
  const wrong = e.scored.filter((s) => (s.finding?.hasAccount ?? false) !== s.sender.hasAccount);
  if (wrong.length)
    console.log(
      `Wrong account answers: ${wrong.map((s) => `${s.sender.id} (${s.finding?.verdict ?? 'none'})`).join(', ')}`,
    );
  console.log('\n| sender kind | senders | account answer right |');
  console.log('|---|---|---|');
  for (const [kind, k] of e.byKind) console.log(`| ${kind} | ${k.n} | ${k.correct} |`);
  await Promise.resolve();
}
