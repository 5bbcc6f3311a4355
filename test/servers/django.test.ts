import { describeStack } from './support/runner';
import { djangoAdapter } from './stacks/django';

describeStack(djangoAdapter);
