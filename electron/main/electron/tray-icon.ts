/// <reference types="electron-vite/node" />
// electron-vite copies the file next to the main bundle (inside app.asar) and yields its path.
import trayIconPath from '../../../build/icons/32x32.png?asset';

export default trayIconPath;
