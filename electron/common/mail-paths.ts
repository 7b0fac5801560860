/**
 * Path lengths of a mail backup, shared by main (which shortens names to fit) and the screen
 * (which warns when the chosen folder is too deep). Windows limits a path to 260 UTF-16 units
 * (MAX_PATH, the terminating NUL included) unless long paths are switched on, and a backup is
 * often opened there later, from a USB stick; so names are kept short enough everywhere.
 *
 *   <target>\Maildir\<folder dir>\cur\<message file>
 *
 * A message file name is at most 90 characters (10-digit date, UIDVALIDITY and UID, size, the
 * six flag letters and 26 keyword letters), a folder directory at most MAILDIR_DIR_MAX_CHARS.
 */
export const MAILDIR_DIR_MAX_CHARS = 100;
export const MESSAGE_FILE_MAX_CHARS = 90;
export const MANIFEST_NAME_MAX_CHARS = 150;
export const WINDOWS_MAX_PATH = 260;

/** The longest chosen folder with which every path of the backup stays within WINDOWS_MAX_PATH. */
export const MAIL_TARGET_MAX_CHARS =
  WINDOWS_MAX_PATH -
  1 -
  '\\Maildir\\'.length -
  MAILDIR_DIR_MAX_CHARS -
  '\\cur\\'.length -
  MESSAGE_FILE_MAX_CHARS;

/** True when paths inside a backup in `targetDir` could pass Windows' 260 characters. */
export function mailTargetTooDeep(targetDir: string): boolean {
  return targetDir.trim().replace(/[\\/]+$/, '').length > MAIL_TARGET_MAX_CHARS;
}
