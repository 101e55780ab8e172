package io.shoplens.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class MasterChoiceTest {

    private static Properties properties(String... keysAndValues) {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    @Test
    void localWithAllCoresWhenNothingIsSet() {
        assertEquals("local[*]", SparkSettings.masterOf(properties(), Map.of()));
    }

    @Test
    void theEnvironmentVariableNamesTheMaster() {
        assertEquals("spark://a:7077", SparkSettings.masterOf(properties(), Map.of("SHOPLENS_SPARK_MASTER", "spark://a:7077")));
    }

    @Test
    void sparkSubmitsMasterBeatsTheEnvironment() {
        assertEquals("yarn", SparkSettings.masterOf(properties("spark.master", "yarn"),
                Map.of("SHOPLENS_SPARK_MASTER", "spark://a:7077")));
    }

    @Test
    void theShopLensPropertyBeatsEverything() {
        assertEquals("local[2]", SparkSettings.masterOf(properties("shoplens.spark.master", "local[2]", "spark.master", "yarn"),
                Map.of("SHOPLENS_SPARK_MASTER", "spark://a:7077")));
    }

    @Test
    void aBlankSettingMeansLocal() {
        assertEquals("local[*]", SparkSettings.masterOf(properties(), Map.of("SHOPLENS_SPARK_MASTER", " ")));
    }
}
