/** zod without compiled parsers: the Content-Security-Policy allows no eval, and zod's probe for it would be reported. */
import { config } from "zod";

config({ jitless: true });
