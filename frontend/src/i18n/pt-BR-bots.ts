import type { enBots } from './en-bots';

/** As mensagens das páginas de Robôs, com as mesmas chaves de en-bots.ts. */
export const ptBRBots: { [K in keyof typeof enBots]: string } = {
  'bots.title': 'Robôs',
  'bots.emptyTitle': 'Nenhum robô ainda',
  'bots.emptyBody':
    'Um robô é um processo Freqtrade que opera pares escolhidos da Binance Spot com uma estratégia e seus parâmetros, no simulado (carteira virtual) ou de verdade.',
  'bots.create': 'Criar robô',
  'bots.listLabel': 'Robôs',
  'bots.readOnly': 'Você é observador: vê todos os robôs, mas só um administrador pode alterá-los.',
  'bots.adminOnly': 'Só um administrador pode criar ou editar robôs.',
  'bots.actionsFor': 'Ações de {name}',
  'bots.unknown': 'ainda não se sabe',
  'bots.noLimit': 'nenhum',
  'bots.stakeSummary': '{stake} por operação, até {trades} operações, no máximo {exposure}',
  'bots.serverDetail': 'Detalhe enviado pelo servidor:',
  'bots.pendingRestart':
    'Há configurações salvas esperando o próximo início: valem quando o robô for reiniciado ou iniciado de novo.',
  'bots.tripped':
    'Limite de perda diária atingido em {at}: o robô está pausado e não abre novas operações.',
  'bots.trippedExplain':
    'Ele continua pausado, mesmo após reinícios, até um administrador rearmá-lo informando um motivo.',
  'bots.rearmFirst': 'Rearme o robô antes: o limite de perda diária dele foi atingido.',

  'bots.modeOpenTrades':
    'Este robô ainda tem {count} operação(ões) aberta(s) no modo atual. Inicie-o e pare-o com “fechar antes”, ou espere que fechem, antes de trocar de modo.',

  'bots.mode.paper': 'Simulado',
  'bots.mode.live': 'REAL · dinheiro de verdade',
  'bots.mode.liveShort': 'Real',

  'bots.moving.starting': 'iniciando…',
  'bots.moving.pausing': 'pausando…',
  'bots.moving.resuming': 'retomando…',
  'bots.moving.stopping': 'parando…',

  'bots.errorReason.config-refused': 'O Freqtrade recusou a configuração do robô.',
  'bots.errorReason.process-fatal': 'Não foi possível iniciar o processo do robô.',
  'bots.errorReason.crash-looping': 'O processo do robô encerra logo depois de iniciar, sem parar.',
  'bots.errorReason.api-unreachable': 'A API do robô está sem responder há tempo demais.',
  'bots.errorReason.stalled': 'O ciclo de negociação do robô parou de rodar.',
  'bots.errorReason.port-in-use': 'Outro programa está usando a porta da API deste robô.',
  'bots.errorReason.live-gate-closed':
    'Uma das travas do modo Real está fechada (ambiente, chave Real ou chave de API), então este robô Real não pode rodar.',
  'bots.errorReason.loss-limit-tripped': 'O limite de perda diária foi atingido.',
  'bots.errorReason.unknown': 'O robô está com erro.',

  'bots.reason.starting': 'Iniciando o processo…',
  'bots.reason.startingTrader': 'Iniciando o operador…',
  'bots.reason.reloading': 'Recarregando a configuração…',
  'bots.reason.waitingApi': 'Esperando a API responder…',
  'bots.reason.pausing': 'Pausando…',
  'bots.reason.resuming': 'Retomando…',
  'bots.reason.stopping': 'Encerrando o processo…',

  'bots.field.name': 'Nome',
  'bots.field.description': 'Descrição (opcional)',
  'bots.field.strategy': 'Estratégia',
  'bots.field.timeframe': 'Tempo gráfico',
  'bots.field.quote': 'Moeda de cotação',
  'bots.field.pairs': 'Pares',
  'bots.field.stake': 'Valores',
  'bots.field.stakeAmount': 'Valor por operação ({quote})',
  'bots.field.maxOpenTrades': 'Máximo de operações abertas',
  'bots.field.maxExposure': 'Exposição máxima ({quote})',
  'bots.field.stoploss': 'Stop-loss próprio (opcional)',
  'bots.field.minimalRoi': 'Tabela de ROI própria',
  'bots.field.dailyLossLimit': 'Limite de perda diária',
  'bots.field.openTrades': 'Operações abertas',
  'bots.field.openProfit': 'Lucro em aberto',
  'bots.field.realisedToday': 'Realizado hoje',

  'bots.do.start': 'Iniciar',
  'bots.do.pause': 'Pausar',
  'bots.do.resume': 'Retomar',
  'bots.do.stop': 'Parar',
  'bots.do.restart': 'Reiniciar',
  'bots.do.retry': 'Tentar de novo',
  'bots.do.delete': 'Excluir',
  'bots.do.edit': 'Editar',
  'bots.do.rearm': 'Rearmar',
  'bots.do.toLive': 'Mudar para Real',
  'bots.do.toPaper': 'Mudar para Simulado',

  'bots.confirm.startTitle': 'Iniciar {name}?',
  'bots.confirm.startBody': 'O robô começa a operar seus pares com as configurações salvas.',
  'bots.confirm.pauseTitle': 'Pausar {name}?',
  'bots.confirm.pauseBody':
    'O robô não abre novas operações; as que já estão abertas continuam sendo geridas (stop-loss, ROI, saídas).',
  'bots.confirm.resumeTitle': 'Retomar {name}?',
  'bots.confirm.resumeBody': 'O robô volta a poder abrir novas operações.',
  'bots.confirm.restartTitle': 'Reiniciar {name}?',
  'bots.confirm.restartBody':
    'O processo é encerrado e iniciado de novo com as configurações salvas; um robô pausado continua pausado.',
  'bots.confirm.retryTitle': 'Tentar de novo com {name}?',
  'bots.confirm.retryBody': 'O Spotdesk inicia o robô de novo e o leva de volta ao estado pedido.',
  'bots.confirm.stopTitle': 'Parar {name}?',
  'bots.confirm.stopBody': 'O processo do robô é encerrado. Ele pode ser iniciado de novo depois.',
  'bots.confirm.deleteTitle': 'Excluir {name}?',
  'bots.confirm.deleteBody':
    'O robô sai do Spotdesk. O histórico de operações é mantido e os bancos de dados dele são arquivados, não apagados.',
  'bots.confirm.toPaperTitle': 'Mudar {name} para Simulado?',
  'bots.confirm.toPaperBody':
    'A partir do próximo início o robô volta a operar no simulado, com carteira virtual e um banco de operações simuladas só dele.',

  'bots.stopTrades.title': '{name} tem {count} operação(ões) aberta(s)',
  'bots.stopTrades.body':
    'Escolha o que acontece com a(s) {count} posição(ões) aberta(s) quando o robô parar.',
  'bots.stopTrades.closeExplain':
    'Fechar antes: cada operação aberta é vendida a mercado e só então o robô para.',
  'bots.stopTrades.leavePaper':
    'Deixar abertas: as posições ficam na carteira simulada e o robô volta a geri-las quando iniciar de novo.',
  'bots.stopTrades.leaveLive':
    'Deixar abertas: as posições ficam na Binance com suas ordens de stop-loss na corretora, e o robô volta a geri-las quando iniciar de novo.',
  'bots.stopTrades.close': 'Fechar {count} antes e parar',
  'bots.stopTrades.leave': 'Parar e deixar {count} aberta(s)',

  'bots.live.warning':
    'Real significa ordens de verdade, com dinheiro de verdade, na conta Binance desta instalação.',
  'bots.live.startTitle': 'Iniciar {name} no Real?',
  'bots.live.startButton': 'Iniciar no Real',
  'bots.live.retryTitle': 'Tentar de novo com {name} no Real?',
  'bots.live.retryButton': 'Tentar de novo no Real',
  'bots.live.switchTitle': 'Mudar {name} para Real?',
  'bots.live.switchButton': 'Mudar para Real',
  'bots.live.password': 'Sua senha atual',
  'bots.live.confirmName': 'Digite o nome do robô ({name}) para confirmar',
  'bots.live.nameMismatch': 'Digite o nome exatamente como aparece, com maiúsculas e minúsculas.',

  'bots.rearm.title': 'Rearmar {name}?',
  'bots.rearm.body':
    'O limite de perda diária é liberado e o robô pode ser retomado depois; até lá ele continua pausado. Diga o motivo: ele vai para o registro de auditoria.',
  'bots.rearm.reason': 'Motivo',

  'bots.apply.title': 'Aplicar as novas configurações de {name}',
  'bots.apply.body': 'O robô está rodando. Quando as novas configurações devem valer?',
  'bots.apply.restart': 'Salvar e reiniciar',
  'bots.apply.restartExplain':
    'Salvar e reiniciar: o robô reinicia agora com as novas configurações.',
  'bots.apply.nextStart': 'Salvar para o próximo início',
  'bots.apply.nextStartExplain':
    'Salvar para o próximo início: o robô continua rodando como está; as configurações valem quando ele for iniciado ou reiniciado.',

  'bots.emergency.label': 'Emergência',
  'bots.emergency.pauseAll': 'Pausar todos',
  'bots.emergency.stopAll': 'Parar todos',
  'bots.emergency.pauseTitle': 'Pausar todos os robôs?',
  'bots.emergency.pauseBody':
    'Todos os robôs em execução param de abrir operações na hora; as abertas continuam sendo geridas. Isso vale mesmo após reinícios.',
  'bots.emergency.stopTitle': 'Parar todos os robôs?',
  'bots.emergency.stopBody':
    'Todos os robôs em execução ou pausados param. As posições abertas ficam abertas (as do Real mantêm o stop-loss na Binance).',
  'bots.emergency.reason': 'Motivo (opcional, para o registro de auditoria)',
  'bots.emergency.paused': 'Todos os robôs em execução receberam o pedido de pausa.',
  'bots.emergency.stopped': 'Todos os robôs em execução ou pausados receberam o pedido de parada.',

  'bots.done.request': '{name}: pedido aceito. O estado é atualizado aqui conforme muda.',
  'bots.done.delete': '{name} foi excluído.',
  'bots.done.created': '{name} foi criado no simulado. Inicie-o quando quiser.',
  'bots.done.saved': 'As configurações de {name} foram salvas.',

  'bots.config.show': 'Mostrar configuração',
  'bots.config.hide': 'Ocultar configuração',
  'bots.config.region': 'Configuração de {name}',
  'bots.config.current': 'Configuração atual do Freqtrade (segredos ocultos)',
  'bots.config.history': 'Histórico',
  'bots.config.version': 'Versão {version}',
  'bots.config.noHistory': 'Nenhuma versão salva ainda.',
  'bots.config.noChanges': 'Nenhuma mudança em relação à versão anterior.',
  'bots.config.reason.created': 'criado',
  'bots.config.reason.edited': 'editado',
  'bots.config.reason.editedRestarted': 'editado e reiniciado',
  'bots.config.reason.toPaper': 'mudou para Simulado',
  'bots.config.reason.toLive': 'mudou para Real',

  'bots.form.createTitle': 'Criar um robô',
  'bots.form.editTitle': 'Editar {name}',
  'bots.form.editTitleUnknown': 'Editar robô',
  'bots.form.paperFirst':
    'Um robô novo começa no simulado (carteira virtual). Passá-lo para o Real é uma etapa à parte, com confirmação.',
  'bots.form.liveNotice':
    'Este robô opera dinheiro de verdade. As novas configurações são verificadas de novo antes de ele rodar.',
  'bots.form.create': 'Criar robô',
  'bots.form.save': 'Salvar alterações',
  'bots.form.nameHint': 'Até {maximum} caracteres, diferente do nome dos seus outros robôs.',
  'bots.form.chooseStrategy': 'Escolha uma estratégia…',
  'bots.form.userStrategy': '{name} (sua estratégia)',
  'bots.form.noDescription': 'Esta estratégia não tem descrição.',
  'bots.form.strategyHint':
    'As estratégias vêm das que acompanham o Spotdesk e da sua pasta de estratégias.',
  'bots.form.strategyUnreadable': 'Parte deste arquivo de estratégia não pôde ser lida:',
  'bots.form.quoteHint': 'Todos os pares precisam ser cotados nela, por exemplo USDT em BTC/USDT.',
  'bots.form.pairsHint': 'Digite um par como BTC/{quote} (ou só BTC) e tecle Enter ou Adicionar.',
  'bots.form.pairsRequired': 'Adicione pelo menos um par.',
  'bots.form.addPair': 'Adicionar',
  'bots.form.addPairLabel': 'Par a adicionar',
  'bots.form.removePair': 'Remover {pair}',
  'bots.form.minStake': 'A menor ordem que a Binance aceita aqui é {minimum} (em {pair}).',
  'bots.form.stakeHint': 'Quanto de {quote} entra em cada operação.',
  'bots.form.marketsUnknown': 'A ordem mínima não é conhecida agora.',
  'bots.form.exposureHint': 'No mínimo valor × máximo de operações = {minimum}.',
  'bots.form.exposureHintEmpty': 'No mínimo o valor por operação × o máximo de operações abertas.',
  'bots.form.stoplossHint':
    'Uma razão negativa: -0,10 vende 10 % abaixo da entrada. Vazio mantém o da estratégia ({value}).',
  'bots.form.overrideRoi': 'Usar minha própria tabela de ROI em vez da estratégia',
  'bots.form.strategyDefault': 'Tabela da estratégia: {value}',
  'bots.form.roiMinutes': 'Após minutos',
  'bots.form.roiRatio': 'Realizar lucro na razão',
  'bots.form.addRoiStep': 'Adicionar etapa',
  'bots.form.removeRoiStep': 'Remover etapa {step}',
  'bots.form.dailyLossHint':
    'Perda realizada em {quote} por dia que pausa o robô até ele ser rearmado. Obrigatório no Real.',
};
