export { BASE, mt, testClient, recordingClient, sent, useNock, expectInvalid, useEmulator } from '@c8y/test-support';
