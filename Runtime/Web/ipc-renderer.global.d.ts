// Globals of ipc-renderer.js loaded as a plain <script>, for pages written as scripts (no import):
//   /// <reference path="ipc-renderer.global.d.ts" />    (or, from the npm package, "types": ["frameipc-renderer/global"])
//   ipcRenderer.on('hud:health', (event, hp, max) => { ... });
import type { FrameIpcGlobal, IpcRenderer } from './ipc-renderer.js';

declare global {
  /** Set by ipc-renderer.js when it loads as a script. */
  var ipcRenderer: IpcRenderer;
  /** The script's exports: FrameIpc.IpcError, FrameIpc.create, FrameIpc.ipcRenderer, FrameIpc.PROTOCOL_VERSION. */
  var FrameIpc: FrameIpcGlobal;
}

export {};
