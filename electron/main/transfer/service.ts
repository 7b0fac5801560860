import { DOCUMENT_VERSION, migrateDocument } from '../../common/model';
import { AppFailure, err, ok } from '../../common/result';
import { exportContent, previewImport } from '../../common/transfer/merge';
import type { DesktopAdapter } from '../adapters/types';
import type { Service, ServiceContext } from '../services/context';
import { documentWriter } from '../vault/document-writer';
import type { KdfCost } from '../vault/keys';
import { openExport, readExportHeader, sealExport } from './format';

export interface TransferOptions {
  desktop?: DesktopAdapter;
  /** Lower scrypt cost for tests and the harness only. */
  kdfCost?: KdfCost;
}

type TransferChannels = 'transfer:export' | 'transfer:preview' | 'transfer:import' | 'report:save';

function requireDesktop(desktop: DesktopAdapter | undefined): DesktopAdapter {
  if (!desktop) throw new AppFailure('transfer.save-failed', 'No way to save files here');
  return desktop;
}

async function save(
  desktop: DesktopAdapter | undefined,
  defaultName: string,
  data: Uint8Array,
  kind: 'export' | 'markdown' | 'pdf',
) {
  let path: string | null;
  try {
    path = await requireDesktop(desktop).saveFile({ defaultName, kind }, data);
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    throw new AppFailure('transfer.save-failed', 'The file could not be saved', {
      reason: e instanceof Error && 'code' in e ? String((e as NodeJS.ErrnoException).code) : 'unknown',
    });
  }
  return ok({ path });
}

export function createTransferService(
  ctx: ServiceContext,
  options: TransferOptions,
): Service<TransferChannels> {
  const writer = documentWriter(ctx.store);
  /** Decrypts and migrates an export; every failure is a typed error and nothing is touched. */
  async function openIncoming(data: string, passphrase: string) {
    const file = Buffer.from(data, 'base64');
    const { header } = readExportHeader(file);
    if (header.documentVersion > DOCUMENT_VERSION) {
      throw new AppFailure('transfer.newer-version', 'The export was made by a newer version of Closeout');
    }
    const { payload } = await openExport(file, passphrase, [options.kdfCost]);
    const migrated = migrateDocument(payload);
    if (!migrated.ok) {
      throw new AppFailure(
        migrated.error.code === 'vault.newer-version' ? 'transfer.newer-version' : 'transfer.corrupt',
        'The export content is not a Closeout document',
      );
    }
    return { header, doc: migrated.value };
  }

  return {
    handlers: {
      'transfer:export': async ({ scope, passphrase }) => {
        const doc = ctx.store.read();
        const content = exportContent(doc, scope.kind === 'plan' ? scope.planId : undefined);
        if (!content) return err('transfer.plan-not-found', 'There is no such plan');
        const exportedAt = new Date(ctx.clock.now()).toISOString();
        const file = await sealExport(
          content,
          passphrase,
          {
            scope: scope.kind,
            exportedAt,
            app: { name: ctx.appInfo.name, version: ctx.appInfo.version },
            documentVersion: content.schemaVersion,
          },
          options.kdfCost,
        );
        const stamp = exportedAt.slice(0, 10);
        const name =
          scope.kind === 'plan'
            ? `closeout-${content.plans[0]!.address.replace(/[^A-Za-z0-9._-]/g, '_')}-${stamp}.closeout-export`
            : `closeout-vault-${stamp}.closeout-export`;
        return save(options.desktop, name, file, 'export');
      },
      'transfer:preview': async ({ data, passphrase }) => {
        const { header, doc } = await openIncoming(data, passphrase);
        return ok({
          scope: header.scope,
          exportedAt: header.exportedAt,
          appVersion: header.app.version,
          preview: previewImport(ctx.store.read(), doc),
        });
      },
      'transfer:import': async ({ data, passphrase, mode }) => {
        const { doc: incoming } = await openIncoming(data, passphrase);
        const result = await writer.write({ type: 'import', incoming, mode }, ctx.clock.now());
        if (result.ok) ctx.emit('transfer:imported', result.value);
        return result;
      },
      'report:save': async (input) => {
        if (!ctx.store.read().plans.some((p) => p.id === input.planId)) {
          return err('transfer.plan-not-found', 'There is no such plan');
        }
        if (input.format === 'markdown') {
          return save(options.desktop, input.fileName, Buffer.from(input.content, 'utf8'), 'markdown');
        }
        const desktop = requireDesktop(options.desktop);
        let pdf: Uint8Array;
        try {
          pdf = await desktop.printToPdf(input.html);
        } catch {
          return err('transfer.save-failed', 'The PDF could not be produced', { reason: 'print' });
        }
        return save(options.desktop, input.fileName, pdf, 'pdf');
      },
    },
  };
}
