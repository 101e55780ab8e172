package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** One user_visit_action message in each form the importer reads, and the reasons for bad ones. */
class ActionMessagesTest {

    private static final Object[] PAY = {LocalDate.of(2019, 7, 17), 95L, "26070e87-1ad7", null,
            LocalDateTime.of(2019, 7, 17, 0, 0, 2), null, null, null, null, null, "3,4", "37", 3L, "direct", 12.5};

    @Test
    void csvLineWithOurTwoColumns() {
        ActionMessages.Parsed p = ActionMessages.parse(
                "2019-07-17,95,26070e87-1ad7,-1,2019-07-17 00:00:02,,-1,-1,,,\"3,4\",37,3,direct,12.5");
        assertThat(p.reason()).isNull();
        assertThat(p.values()).containsExactly(PAY);
    }

    @Test
    void platformUnderscoreLineWithAKeywordHoldingTheDelimiter() {
        ActionMessages.Parsed p = ActionMessages.parse(
                "2019-07-17_95_26070e87-1ad7_37_2019-07-17 00:00:02_小米_手机_-1_-1_null_null_null_null_3");
        assertThat(p.reason()).isNull();
        assertThat(p.values()).hasSize(15);
        assertThat(p.values()[3]).isEqualTo(37L);
        assertThat(p.values()[5]).isEqualTo("小米_手机");
        assertThat(p.values()[12]).isEqualTo(3L);
        assertThat(p.values()[13]).isNull();
    }

    @Test
    void jsonObjectWithTheColumnNames() {
        ActionMessages.Parsed p = ActionMessages.parse("{\"date\":\"2019-07-17\",\"user_id\":95,"
                + "\"session_id\":\"26070e87-1ad7\",\"page_id\":null,\"action_time\":\"2019-07-17 00:00:02\","
                + "\"search_keyword\":null,\"click_category_id\":-1,\"click_product_id\":-1,"
                + "\"order_category_ids\":null,\"order_product_ids\":null,\"pay_category_ids\":\"3,4\","
                + "\"pay_product_ids\":\"37\",\"city_id\":3,\"channel\":\"direct\",\"pay_amount\":12.5}");
        assertThat(p.reason()).isNull();
        assertThat(p.values()).containsExactly(PAY);
    }

    @Test
    void malformedMessagesSayWhy() {
        assertThat(ActionMessages.parse("  ").reason()).isEqualTo("empty message");
        assertThat(ActionMessages.parse("a,b,c").reason())
                .isEqualTo("expected 13 or 15 fields of user_visit_action, separated by ',' or '_'");
        assertThat(ActionMessages.parse("2019-02-30,95,s,1,2019-02-30 00:00:02,,,,,,,,3").reason())
                .isEqualTo("date: not a date (yyyy-MM-dd): '2019-02-30'");
        assertThat(ActionMessages.parse("{\"date\":\"2019-07-17\"}").reason()).isEqualTo("missing field 'user_id'");
        assertThat(ActionMessages.parse("{oops").reason()).startsWith("not valid JSON: ");
    }
}
