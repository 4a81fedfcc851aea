package org.fabrique.coordinator.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LotNumbersTest {

    @Test
    void aLotNumberHasThePrefixSixCharactersAndACheckCharacter() {
        assertThat(LotNumbers.format(1)).matches("FAB-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]");
    }

    @Test
    void successiveLotsGetDistinctNumbersThatMapBackToTheirSequence() {
        Set<String> seen = new HashSet<>();
        for (long n = 1; n <= 20_000; n++) {
            String number = LotNumbers.format(n);
            assertThat(seen.add(number)).as("unique %s", number).isTrue();
            assertThat(LotNumbers.sequenceOf(number)).isEqualTo(n);
        }
    }

    @Test
    void neighbouringLotsDoNotLookAlike() {
        String a = LotNumbers.format(1000);
        String b = LotNumbers.format(1001);
        int differing = 0;
        for (int i = 0; i < a.length(); i++) {
            differing += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        assertThat(differing).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        for (long n = 1; n <= 500; n++) {
            String number = LotNumbers.format(n);
            for (int position : new int[] {4, 5, 6, 8, 9, 10, 12}) {
                for (char typo : LotNumbers.ALPHABET.toCharArray()) {
                    if (typo == number.charAt(position)) {
                        continue;
                    }
                    String mistyped = number.substring(0, position) + typo + number.substring(position + 1);
                    assertThat(LotNumbers.normalize(mistyped)).as("%s typed as %s", number, mistyped).isEmpty();
                }
            }
        }
    }

    @Test
    void mostSwapsOfNeighbouringCharactersAreCaught() {
        int swaps = 0;
        int caught = 0;
        for (long n = 1; n <= 2000; n++) {
            String data = LotNumbers.format(n).replace("-", "").substring(3, 9);
            for (int i = 0; i < data.length() - 1; i++) {
                if (data.charAt(i) == data.charAt(i + 1)) {
                    continue;
                }
                String swapped = data.substring(0, i) + data.charAt(i + 1) + data.charAt(i) + data.substring(i + 2);
                swaps++;
                caught += LotNumbers.checkCharacter(swapped) != LotNumbers.checkCharacter(data) ? 1 : 0;
            }
        }
        assertThat((double) caught / swaps).isGreaterThan(0.9);
    }

    @Test
    void typingIsLenientAboutCaseSpacesAndLookAlikeLetters() {
        String number = LotNumbers.format(4242);
        String sloppy = number.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l');
        assertThat(LotNumbers.normalize(sloppy)).contains(number);
    }

    @Test
    void somethingElseIsNotALotNumber() {
        assertThat(LotNumbers.normalize("FAB-123")).isEmpty();
        assertThat(LotNumbers.normalize("XYZ-4K7-QM2-X")).isEmpty();
        assertThat(LotNumbers.normalize(null)).isEmpty();
    }
}
