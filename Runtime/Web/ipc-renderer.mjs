// Native ES module entry for browsers: `import { ipcRenderer } from './ipc-renderer.mjs'`.
// ipc-renderer.js holds all the code (a classic script cannot hold `export`); importing it sets window.FrameIpc.
import './ipc-renderer.js';

const FrameIpc = globalThis.FrameIpc;
export const ipcRenderer = FrameIpc.ipcRenderer;
export const IpcError = FrameIpc.IpcError;
export const create = FrameIpc.create;
export const PROTOCOL_VERSION = FrameIpc.PROTOCOL_VERSION;
export default FrameIpc;
