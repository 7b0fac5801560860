import type { MessageFile } from '../types';

/** Texts for the bridge's own error codes (electron/common/errors.ts IPC_ERROR_CODES). */
export default {
  'zh-CN': {
    errors: {
      'ipc.unknown-channel': '应用内部请求有误（未知的操作）。请重启 Closeout；你的数据没有改动。',
      'ipc.invalid-arguments': '应用内部请求的内容无效，操作没有执行。你的数据没有改动。',
      'ipc.forbidden-sender': '这个请求来自不受信任的页面，已被拒绝。',
      'ipc.internal': '处理请求时出现内部错误，操作没有完成。请重试。',
      'ipc.unavailable': '无法连接到 Closeout 的后台。请重启应用后再试。',
    },
  },
  en: {
    errors: {
      'ipc.unknown-channel':
        'The app made an internal request it does not know. Please restart Closeout; your data was not changed.',
      'ipc.invalid-arguments':
        'The app sent an invalid request, so nothing was done. Your data was not changed.',
      'ipc.forbidden-sender': 'This request came from an untrusted page and was refused.',
      'ipc.internal': 'An internal error stopped this action. Please try again.',
      'ipc.unavailable':
        'Closeout’s background service cannot be reached. Please restart the app and try again.',
    },
  },
} satisfies MessageFile;
