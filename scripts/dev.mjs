#!/usr/bin/env node
// `npm run dev`: the API server (restarted by tsx watch on change) and Vite's dev server with hot reload,
// which proxies /api to the API server. Open http://localhost:5173.
import { spawn } from 'node:child_process';

const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'packages/server/src/main.ts'], { stdio: 'inherit', env: { ...process.env, WEB_DIST_DIR: '' } }),
  spawn('npm', ['run', 'dev', '-w', '@yunzheng/web'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGINT'));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
children.forEach((child) => child.on('exit', stop));
