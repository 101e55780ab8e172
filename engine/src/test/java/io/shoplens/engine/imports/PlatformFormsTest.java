package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.RejectedRow;

/** The classic platform's headerless '_' forms of user_info, product_info and city_info. */
class PlatformFormsTest extends WorkspaceFixture {

    private FileReport importing(String name, String text, Optional<LogKind> kind) throws IOException {
        Path f = Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        ImportReport r = Importer.importFiles(ws, List.of(f), new ImportOptions(kind, Optional.empty()),
                ImportListener.NONE, CancellationToken.none());
        assertThat(r.files()).hasSize(1);
        return r.files().get(0);
    }

    @Test
    void underscoreUsersAreTypedByAgeAndLinesThatDoNotFitAreRejected() throws IOException {
        FileReport r = importing("user_info.txt", "1_user1_高思远_27_student_武汉_female\n"
                + "2_user2_黄静_16_student_武汉_female\n"
                + "3_user_3_胡子涵_43_engineer_三亚_female\n"   // a '_' in the username shifts every field
                + "4_user4_李雷_x_teacher_北京_male\n"
                + "5_user5_韩梅梅_31_teacher_北京_female\n", Optional.empty());
        assertThat(r.kind()).contains(LogKind.USER_INFO);
        assertThat(r.delimiter()).isEqualTo("_");
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(5L, 3L, 2L);
        assertThat(r.rejections()).extracting(RejectedRow::line).containsExactly(3L, 4L);
        assertThat(r.rejections()).extracting(RejectedRow::reason).containsExactly(
                "wrong number of fields: expected 7, found 8 (delimiter '_')",
                "age: not an integer: 'x'");
    }

    @Test
    void underscoreProductsKeepTheUnderscoresOfTheirJson() throws IOException {
        FileReport r = importing("product_info.txt", "1_手机0001_{\"product_status\":0,\"price\":3075.9}\n"
                + "2_笔记本0002_{\"product_status\":1,\"note\":\"a_b_c\"}\n"
                + "3_耳机0003_{\"product_status\":0}\n"
                + "4_鼠标0004_{\"product_status\":1}\n"
                + "5_键盘0005_{\"product_status\":0,\"price\":99}\n", Optional.empty());
        assertThat(r.kind()).contains(LogKind.PRODUCT_INFO);
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(5L, 5L, 0L);
        assertThat(TestTables.rows(ws, r, "product_id, extend_info, product_status, price").subList(0, 2)).containsExactly(
                "1|{\"product_status\":0,\"price\":3075.9}|0|3075.9",
                "2|{\"product_status\":1,\"note\":\"a_b_c\"}|1|null");
    }

    @Test
    void underscoreCitiesAreNotTakenForProducts() throws IOException {
        FileReport r = importing("city_info.txt", "0_北京_华北\n1_上海_华东\n2_南京_华东\n3_广州_华南\n9_哈尔滨_东北\n",
                Optional.empty());
        assertThat(r.kind()).contains(LogKind.CITY_INFO);
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(5L, 5L, 0L);
        assertThat(TestTables.rows(ws, r, "city_id, city_name, area")).containsExactly(
                "0|北京|华北", "1|上海|华东", "2|南京|华东", "3|广州|华南", "9|哈尔滨|东北");
    }

    @Test
    void headerlessCsvWithQuotedJsonIsAProductNotACity() throws IOException {
        // Quoted, the JSON is one field: the lines fit city_info too, but only product_info types the third field.
        FileReport r = importing("products.csv", "1,手机,\"{\"\"product_status\"\":0,\"\"price\"\":9.5}\"\n"
                + "2,电脑,\"{\"\"product_status\"\":1}\"\n"
                + "3,耳机,\"{\"\"product_status\"\":0}\"\n"
                + "4,鼠标,\"{\"\"product_status\"\":1}\"\n"
                + "5,键盘,\"{\"\"product_status\"\":0,\"\"price\"\":99}\"\n", Optional.empty());
        assertThat(r.kind()).contains(LogKind.PRODUCT_INFO);
        assertThat(List.of(r.read(), r.accepted(), r.rejected())).containsExactly(5L, 5L, 0L);
        assertThat(TestTables.rows(ws, r, "product_id, product_status, price")).containsExactly("1|0|9.5", "2|1|null",
                "3|0|null", "4|1|null", "5|0|99.0");
    }

    @Test
    void linesThatFitCitiesAndProductsEquallyAskForTheKind() throws IOException {
        // extend_info unset on every line: nothing tells a product from a city.
        String text = "1,手机,null\n2,电脑,\n";
        FileReport r = importing("unclear.txt", text, Optional.empty());
        assertThat(r.kind()).isEmpty();
        assertThat(r.error()).hasValueSatisfying(e -> assertThat(e)
                .contains("2 of the first 2 lines fit product_info with 3 fields separated by ','")
                .contains("2 of the first 2 lines fit city_info with 3 fields separated by ','")
                .contains("--kind product_info or --kind city_info"));
        assertThat(ws.datasets().all()).isEmpty();

        FileReport asked = importing("unclear-products.txt", text, Optional.of(LogKind.PRODUCT_INFO));
        assertThat(asked.kind()).contains(LogKind.PRODUCT_INFO);
        assertThat(List.of(asked.read(), asked.accepted(), asked.rejected())).containsExactly(2L, 2L, 0L);
    }
}
