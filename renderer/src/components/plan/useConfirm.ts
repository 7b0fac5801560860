import { h } from 'vue';
import { useDialog } from 'naive-ui';
import { useI18n } from 'vue-i18n';

export interface ConfirmOptions {
  title: string;
  body: string;
  action: string;
  /** Destructive actions get the warning style and the cancel button first in focus order. */
  danger?: boolean;
  /** Irreversible and risky (submitting past unmet conditions): the red error style. */
  severe?: boolean;
  /** Shown as a list under the body: what will be lost, what is not done. */
  list?: string[];
  /** The other button's words where "cancel" would be unclear (default: cancel). */
  keep?: string;
}

/** Asks before an action that changes or removes something; resolves true only on an explicit yes. */
export function useConfirm() {
  const dialog = useDialog();
  const { t } = useI18n();
  return (o: ConfirmOptions): Promise<boolean> =>
    new Promise((resolve) => {
      let settled = false;
      const done = (v: boolean) => {
        if (!settled) {
          settled = true;
          resolve(v);
        }
      };
      const show = o.severe ? dialog.error : o.danger ? dialog.warning : dialog.info;
      show({
        title: o.title,
        content: o.list?.length
          ? () =>
              h('div', { 'data-testid': 'confirm-body' }, [
                h('p', { style: 'margin: 0 0 8px' }, o.body),
                h(
                  'ul',
                  { style: 'margin: 0; padding-left: 20px', 'data-testid': 'confirm-list' },
                  o.list!.map((li) => h('li', li)),
                ),
              ])
          : o.body,
        positiveText: o.action,
        negativeText: o.keep ?? t('common.cancel'),
        autoFocus: true,
        onPositiveClick: () => done(true),
        onNegativeClick: () => done(false),
        onClose: () => done(false),
        onMaskClick: () => done(false),
        onAfterLeave: () => done(false),
        onAfterEnter: () => nameDialogs(o.title),
      });
      requestAnimationFrame(() => nameDialogs(o.title));
    });
}

/**
 * Naive UI's dialog API renders role="dialog" without an accessible name and offers no way to pass
 * attributes through, so name the open dialogs after their title (axe: aria-dialog-name).
 */
function nameDialogs(title: string): void {
  for (const el of document.querySelectorAll<HTMLElement>('.n-dialog[role="dialog"]:not([aria-label])'))
    el.setAttribute('aria-label', title);
}
