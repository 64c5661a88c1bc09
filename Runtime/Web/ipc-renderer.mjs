// Native ES module entry for browsers: `import { ipcRenderer } from './ipc-renderer.mjs'`.
// ipc-renderer.js holds all the code (a classic script cannot hold `export`); importing it registers its one instance
// under Symbol.for('frameipc'), a key no element of the page can clobber (window.FrameIpc can be an element's id).
import './ipc-renderer.js';

const FrameIpc = globalThis[Symbol.for('frameipc')];
export const ipcRenderer = FrameIpc.ipcRenderer;
export const IpcError = FrameIpc.IpcError;
export const create = FrameIpc.create;
export const PROTOCOL_VERSION = FrameIpc.PROTOCOL_VERSION;
export default FrameIpc;
