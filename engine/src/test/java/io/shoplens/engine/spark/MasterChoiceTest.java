package io.shoplens.engine.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void noServerWhenNothingIsSet() {
        assertNull(SparkSettings.remoteOf(properties(), Map.of()));
        assertNull(SparkSettings.remoteOf(properties(), Map.of("SHOPLENS_SPARK_REMOTE", " ")));
    }

    @Test
    void thePropertyBeatsTheEnvironmentVariableForTheServer() {
        assertEquals("sc://a:15002", SparkSettings.remoteOf(properties(), Map.of("SHOPLENS_SPARK_REMOTE", "sc://a:15002")));
        assertEquals("sc://b:1", SparkSettings.remoteOf(properties("shoplens.spark.remote", "sc://b:1"),
                Map.of("SHOPLENS_SPARK_REMOTE", "sc://a:15002")));
    }

    @Test
    void withRemoteSetsAndClearsTheServer() {
        SparkSettings local = new SparkSettings("local[2]", 2, 4, java.nio.file.Path.of("scratch"));
        assertNull(local.remote());
        assertEquals("sc://a:15002", local.withRemote("sc://a:15002").remote());
        assertNull(local.withRemote("sc://a:15002").withRemote(null).remote());
    }
}
