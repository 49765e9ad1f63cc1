package org.baomi.scan.rules;

import java.util.Locale;

/** Check digits that turn a digit run into an identifier worth reporting. */
public enum Checksum {
    /** Accept every match. */
    NONE {
        @Override
        public boolean valid(CharSequence s) {
            return true;
        }
    },
    /** GB 11643-1999 resident identity number: 17 digits and an ISO 7064 MOD 11-2 check character. */
    CN_RESIDENT_ID {
        private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        private static final String CHECK = "10X98765432";

        @Override
        public boolean valid(CharSequence s) {
            if (s.length() != 18) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
                sum += (c - '0') * WEIGHTS[i];
            }
            return Character.toUpperCase(s.charAt(17)) == CHECK.charAt(sum % 11);
        }
    },
    /** Luhn (bank card numbers). */
    LUHN {
        @Override
        public boolean valid(CharSequence s) {
            int sum = 0;
            int digits = 0;
            boolean dbl = false;
            for (int i = s.length() - 1; i >= 0; i--) {
                char c = s.charAt(i);
                if (c == ' ' || c == '-') {
                    continue;
                }
                if (c < '0' || c > '9') {
                    return false;
                }
                int d = c - '0';
                if (dbl) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
                dbl = !dbl;
                digits++;
            }
            return digits >= 12 && sum % 10 == 0;
        }
    };

    /** Whether the matched text passes. */
    public abstract boolean valid(CharSequence s);

    /** Parses {@code none|cn-resident-id|luhn}. */
    public static Checksum parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
