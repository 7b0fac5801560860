import { ensureRendererBuilt } from '../harness/build-renderer';

/** Build the renderer once, so parallel harnesses (started with --no-build) never race on out/. */
export default async function globalSetup(): Promise<void> {
  await ensureRendererBuilt();
}
