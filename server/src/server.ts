/** Entry point of the language-server bundle (dist/server.js), started by the VS Code client over IPC. */
import { startServer } from './lsp/server';

startServer();
