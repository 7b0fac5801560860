import { ensureRendererBuilt } from '../harness/build-renderer';

/**
 * Build the renderer once; every harness of this run serves exactly that build (workers inherit
 * the environment set here), whatever other runs in the same tree build meanwhile.
 */
export default async function globalSetup(): Promise<void> {
  process.env.CLOSEOUT_E2E_RENDERER_DIR = await ensureRendererBuilt();
}
