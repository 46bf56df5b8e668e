package io.carga.shadow.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void secretNamesAndListedPathsAreMasked() throws Exception {
        Masking m = new Masking(List.of("$.owner.phone", "$.items[*].email"));
        var json = new ObjectMapper().readTree("{\"access_token\":\"abc\",\"owner\":{\"phone\":\"5511\",\"name\":\"Ana\",\"password\":\"x\"},"
                + "\"items\":[{\"email\":\"a@b\"},{\"email\":\"c@d\"}]}");
        String masked = m.json(json).toString();
        assertThat(masked).doesNotContain("abc", "5511", "a@b", "c@d", "\"x\"").contains("Ana");
        assertThat(json.toString()).contains("abc"); // the original is untouched
        assertThat(m.header("Authorization", "Bearer t")).isEqualTo(Masking.MASK);
        assertThat(m.header("Content-Type", "application/json")).isEqualTo("application/json");
        assertThat(m.target("/x?api_key=s3cr3t&page=2")).isEqualTo("/x?api_key=***&page=2");
    }
}
