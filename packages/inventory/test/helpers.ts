export { BASE, mt, testClient, recordingClient, sent, useNock, expectInvalid } from '@c8y/test-support';
