import { en } from 'zod/locales';
import * as z from 'zod/mini';

/**
 * zod/mini loads no locale, so without this every default message would read "Invalid input". The
 * messages reach people (the `errors` of a 400 problem body, the scoring model's and the nurture and
 * forms configurations' validation errors), so the modules that report them import this file, which
 * loads zod's English messages once (about 3 KB of a bundle; imported by name, as `z.locales.en`
 * would bundle every language). Custom messages are unaffected.
 */
z.config(en());
