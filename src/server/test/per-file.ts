/**
 * Runs before each integration test file. Files share their worker's modules (`isolate: false` in
 * vitest.config.ts), so what one file leaves in module state must not reach the next: the clock goes back to real time.
 */
import { beforeAll } from 'vitest';
import { setClock } from '../clock';

beforeAll(() => setClock(null));
