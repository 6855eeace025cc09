export { BASE, mt, testClient, useNock, expectInvalid } from '@c8y/test-support';
