#!/usr/bin/env node
// The CLI runs the compiled code; `npm install` builds it (the `prepare` script).
import process from 'node:process';
import { runCli } from '../dist/main.js';

await runCli(process.argv);
