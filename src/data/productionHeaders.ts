// The Operaciones header as production has it (design §2, typos included), and the sheets the product owns.

export const SHEETS = {
  operaciones: 'Operaciones',
  uniones: 'Uniones',
  metadata: 'Metadata',
  trabajadores: 'Trabajadores',
  roles: 'Roles',
} as const;

export const METRIC_COLUMNS = [
  'Total_Uniones',
  'Uniones_ARM_Completadas',
  'Uniones_SOLD_Completadas',
  'Pulgadas_ARM',
  'Pulgadas_SOLD',
] as const;

/** The 75-column production header, in production order. */
export const PRODUCTION_OPERACIONES_HEADER: readonly string[] = [
  'id', 'NV', 'OT', 'CT', 'ITEM', 'SPLIT', 'TAG_SPOOL', 'STATUS_NV', 'Status_Spool', 'Ubicación', 'Cliente', 'OC',
  'Item_OC', 'PLANO_KRONOS N°', 'Rev.', 'Plano_Referencia', 'Marca_Placa', 'Prioridad', 'Notas', 'Fecha_Compromiso',
  'Fecha_Estimada_Entrega', 'DIAM', 'PD_Soldadura', 'PD_Ranurado', 'PD_Hilo', 'Peso_Kg', 'Area_m2', 'Tipo Armado',
  'Tipo_NDT', 'Tipo_PH', 'Tipo_Revestimiento', 'Tipo_Pintura', 'Tipo_Embalaje', 'Fecha_Ingenieria',
  'Fecha_Materiales', 'Fecha_Armado', 'Armador', 'Fecha_Soldadura', 'Soldador', 'Fecha_QC_Metrología', 'Fecha_NDT',
  'OK NDT si/no/Rep', 'N°_nforme_PT', 'N°_Informe_UT_ RX', 'Fecha_PH', 'N°_Informe_PH', 'Fecha_Revestimiento',
  'Fecha_QC_Revestimiento', 'Fecha_Envio_Pintura', 'GD_envio_Pintura', 'Fecha_Pintura', 'Taller_Pintura',
  'Informe_Pintura', 'Fecha_QC_Pintura', 'Fecha_Liberación', 'N°_Acta_Libración', 'Packing_list', 'Fecha_GD',
  'Guia_Despacho', 'Precio Fabricación', 'Precio Revestimiento', 'Precio Pintura', 'Precio Embalaje',
  'Precio Total', 'FLAG', 'MatSys', 'Ocupado_Por', 'Fecha_Ocupacion', 'version', 'Estado_Detalle',
  ...METRIC_COLUMNS,
];

/** The 67-column layout from before union tracking: no id, FLAG, MatSys nor metric columns. */
export const PRE_UNION_OPERACIONES_HEADER: readonly string[] = PRODUCTION_OPERACIONES_HEADER.filter(
  (name) => !['id', 'FLAG', 'MatSys', ...METRIC_COLUMNS].includes(name),
);

export const UNIONES_HEADER: readonly string[] = [
  'ID', 'OT', 'N_UNION', 'TAG_SPOOL', 'DN_UNION', 'TIPO_UNION', 'ARM_FECHA_INICIO', 'ARM_FECHA_FIN', 'ARM_WORKER',
  'SOL_FECHA_INICIO', 'SOL_FECHA_FIN', 'SOL_WORKER', 'NDT_UNION', 'R_NDT_UNION', 'NDT_FECHA', 'NDT_STATUS', 'version',
];

export const METADATA_HEADER: readonly string[] = [
  'ID', 'Timestamp', 'Evento_Tipo', 'TAG_SPOOL', 'Worker_ID', 'Worker_Nombre', 'Operacion', 'Accion',
  'Fecha_Operacion', 'Metadata_JSON', 'N_UNION',
];

export const TRABAJADORES_HEADER: readonly string[] = ['Id', 'Nombre', 'Apellido', 'Activo'];
export const ROLES_HEADER: readonly string[] = ['Id', 'Rol', 'Activo'];
