package cn.duban.supervision.service;

/**
 * Tasks of the 2022 Pingyao seed ledger (ledger/pingyao-2022.json) that the scenario tests follow: their id, sector and
 * the unit that reports on them.
 */
enum SeedTask {
    /** 武庙保护修缮,5月底试运行. */
    WUMIAO("2022-CUL-002", "culture-tourism", "县文物局"),
    /** 启建6万亩高标准农田. */
    FARMLAND("2022-AGR-003", "agriculture", "县农业农村局"),
    /** 煤化集团134万吨捣固焦项目10月底前投产. */
    COKE("2022-IND-010", "industry", "县工业和信息化局"),
    /** 旅游大道10月底前全线通车. */
    AVENUE("2022-URB-007", "urban-construction", "县住房和城乡建设管理局"),
    /** 实施10个老旧小区改造. */
    OLD_ESTATES("2022-LIV-043", "livelihood", "县住房和城乡建设管理局"),
    /** 稳就业:城镇登记失业率控制在4.5%以内, a CEILING target. */
    UNEMPLOYMENT("2022-LIV-018", "livelihood", "县人力资源和社会保障局"),
    /** 固定资产投资完成57.8亿元,增长8.6%. */
    FIXED_INVESTMENT("2022-REF-002", "reform", "县发展和改革局"),
    /** 龙海公司5个肉鸡标准化养殖项目. */
    LONGHAI_BROILERS("2022-AGR-008", "agriculture", "县农业农村局"),
    /** 亮宇公司6条生产线技术改造年底前投产. */
    LIANGYU_LINES("2022-IND-012", "industry", "县工业和信息化局");

    private final String id;
    private final String sector;
    private final String leadUnit;

    SeedTask(String id, String sector, String leadUnit) {
        this.id = id;
        this.sector = sector;
        this.leadUnit = leadUnit;
    }

    /** The task's id in the ledger. */
    String id() {
        return id;
    }

    String sector() {
        return sector;
    }

    /** The unit that reports on the task. */
    String leadUnit() {
        return leadUnit;
    }
}
