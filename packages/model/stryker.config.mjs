import { mutationConfig } from '../../tooling/mutation/stryker.base.mjs';

// Only the shared exclusions (tooling/mutation/stryker.base.mjs): model's other tests, the
// emulator round trip included, take about a second each.
export default mutationConfig();
