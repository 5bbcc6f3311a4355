import { describeStack } from './support/runner';
import { goAdapter } from './stacks/go';

describeStack(goAdapter);
