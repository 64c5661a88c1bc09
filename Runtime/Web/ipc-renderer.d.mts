// Types of ipc-renderer.mjs: the same as ipc-renderer.js.
export * from './ipc-renderer.js';
import type { FrameIpcGlobal } from './ipc-renderer.js';
declare const FrameIpc: FrameIpcGlobal;
export default FrameIpc;
