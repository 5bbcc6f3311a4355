import { describeStack } from './support/runner';
import { railsAdapter } from './stacks/rails';

describeStack(railsAdapter);
