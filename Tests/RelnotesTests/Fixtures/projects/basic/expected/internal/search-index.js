relnotesSearchIndex({"v":1,"types":["Bug fixes","New features","Improvements","Known issues","Potential impact on existing systems"],"components":["Integrations","Exports"],
"releases":[
["1.1.1","releases/1.1.1/","v1-1-1-","Hotfix for CSV quoting","","2026-02-17",""],
["1.1.0","releases/1.1.0/","v1-1-0-","Webhooks","Webhooks and faster CSV exports.","2026-02-10",""],
["1.0.0","releases/1.0.0/","v1-0-0-","First stable release","Dashboards and CSV export.","2026-01-13",""]],
"entries":[
[0,0,-1,"hb-14-quoting","CSV fields with quotes are escaped again","HB-14"],
[1,1,0,"hb-7-webhooks","Webhooks for finished exports","HB-7"],
[1,2,1,"hb-9-csv","CSV exports are twice as fast","HB-9"],
[1,3,-1,"hb-11-retries","Webhook retries are fixed at 3 (HB-11)",""],
[2,1,-1,"hb-1-dashboards","Dashboards","HB-1"],
[2,4,-1,"ga-cutover","The beta cluster is switched off on release day",""]]});
