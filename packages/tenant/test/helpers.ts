export { BASE, mt, testClient, useNock, expectInvalid, useEmulator } from '@c8y/test-support';
