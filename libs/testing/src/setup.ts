// Runs before every test file. Keeps the tests off any database that is not for tests.
import 'reflect-metadata';
import { assertTestSystem } from './system.js';
assertTestSystem();
